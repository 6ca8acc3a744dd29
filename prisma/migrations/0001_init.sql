-- The portal's schema on PostgreSQL. The tables, columns, keys and indexes are exactly what
-- `prisma migrate diff` writes for prisma/schema.prisma (lib/database/migrations.test.ts fails
-- when they drift apart); below them, what Prisma's schema cannot say: checks on the closed
-- vocabularies, and the audit trail's append-only rule.

-- Name search in the back office matches any part of a name (ILIKE '%part%'): trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "partnerId" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "sessionsValidAfter" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnboardingDraft" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "data" TEXT NOT NULL DEFAULT '{}',
    "completedSteps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "customerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OnboardingDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "partnerCustomerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "businessNameEnglish" TEXT NOT NULL,
    "businessName" TEXT,
    "website" TEXT,
    "businessIdentifierNumber" TEXT NOT NULL,
    "businessIdentifierCountryCode" TEXT NOT NULL,
    "businessIdentifierStartDate" TIMESTAMPTZ(3),
    "businessIdentifierExpiryDate" TIMESTAMPTZ(3),
    "registrationAddressLine1" TEXT NOT NULL,
    "registrationAddressCity" TEXT NOT NULL,
    "registrationAddressState" TEXT,
    "registrationAddressPostcode" TEXT,
    "registrationAddressCountryCode" TEXT NOT NULL,
    "operatingCountry" TEXT NOT NULL,
    "goodsServiceDescription" TEXT,
    "industryCategoryCode" TEXT,
    "estimatedMonthlyRevenueCurrency" TEXT NOT NULL,
    "estimatedMonthlyRevenueAmount" DECIMAL(15,2) NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT NOT NULL,
    "createdByApiKeyId" TEXT,
    "createdByUserId" TEXT,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessPerson" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "firstNameEnglish" TEXT NOT NULL,
    "lastNameEnglish" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "birthDate" TIMESTAMPTZ(3) NOT NULL,
    "nationality" TEXT NOT NULL,
    "residentialAddressLine1" TEXT,
    "residentialAddressCity" TEXT,
    "residentialAddressState" TEXT,
    "residentialAddressPostcode" TEXT,
    "residentialAddressCountryCode" TEXT,
    "idNumber" TEXT NOT NULL,
    "idIssuingCountryCode" TEXT NOT NULL,
    "idIssueDate" TIMESTAMPTZ(3),
    "idExpirationDate" TIMESTAMPTZ(3),
    "idDocumentFrontFileId" TEXT,
    "idDocumentBackFileId" TEXT,

    CONSTRAINT "BusinessPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerDocument" (
    "customerId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CustomerDocument_pkey" PRIMARY KEY ("customerId","position")
);

-- CreateTable
CREATE TABLE "File" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "File_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "partnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'api',
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("partnerId","scope","key")
);

-- CreateTable
CREATE TABLE "SignInFailureCount" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL,
    "lockNotedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInFailureCount_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "customerId" TEXT,
    "partnerId" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "reason" TEXT,
    "subject" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_partnerId_idx" ON "User"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingDraft_customerId_key" ON "OnboardingDraft"("customerId");

-- CreateIndex
CREATE INDEX "OnboardingDraft_partnerId_status_updatedAt_idx" ON "OnboardingDraft"("partnerId", "status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_publicKey_key" ON "ApiKey"("publicKey");

-- CreateIndex
CREATE INDEX "ApiKey_partnerId_idx" ON "ApiKey"("partnerId");

-- CreateIndex
CREATE INDEX "Customer_partnerId_createdAt_id_idx" ON "Customer"("partnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_partnerId_status_createdAt_id_idx" ON "Customer"("partnerId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_status_createdAt_id_idx" ON "Customer"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_createdAt_id_idx" ON "Customer"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_partnerCustomerId_idx" ON "Customer"("partnerCustomerId");

-- CreateIndex
CREATE INDEX "Customer_businessNameEnglish_trgm_idx" ON "Customer" USING GIN ("businessNameEnglish" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_businessName_trgm_idx" ON "Customer" USING GIN ("businessName" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Customer_partnerId_partnerCustomerId_key" ON "Customer"("partnerId", "partnerCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "BusinessPerson_customerId_position_key" ON "BusinessPerson"("customerId", "position");

-- CreateIndex
CREATE INDEX "CustomerDocument_fileId_idx" ON "CustomerDocument"("fileId");

-- CreateIndex
CREATE INDEX "File_partnerId_createdAt_idx" ON "File"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "SignInFailureCount_lastFailureAt_idx" ON "SignInFailureCount"("lastFailureAt");

-- CreateIndex
CREATE INDEX "AuditEvent_customerId_at_idx" ON "AuditEvent"("customerId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessPerson" ADD CONSTRAINT "BusinessPerson_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessPerson" ADD CONSTRAINT "BusinessPerson_idDocumentFrontFileId_fkey" FOREIGN KEY ("idDocumentFrontFileId") REFERENCES "File"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BusinessPerson" ADD CONSTRAINT "BusinessPerson_idDocumentBackFileId_fkey" FOREIGN KEY ("idDocumentBackFileId") REFERENCES "File"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerDocument" ADD CONSTRAINT "CustomerDocument_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerDocument" ADD CONSTRAINT "CustomerDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "File"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "File" ADD CONSTRAINT "File_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Closed vocabularies, as lib/ defines them: a value outside them is a bug, refused here too.
ALTER TABLE "User" ADD CONSTRAINT "User_role_check"
    CHECK ("role" IN ('partner_admin', 'partner_user', 'reviewer', 'admin'));
-- Partner staff belong to a partner; the platform's own staff do not.
ALTER TABLE "User" ADD CONSTRAINT "User_partner_check"
    CHECK (("role" IN ('partner_admin', 'partner_user')) = ("partnerId" IS NOT NULL));
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_status_check"
    CHECK ("status" IN ('pending', 'active', 'rejected', 'suspended'));
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_amount_check"
    CHECK ("estimatedMonthlyRevenueAmount" >= 0);
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_status_check"
    CHECK ("status" IN ('open', 'submitting', 'submitted'));
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_submitted_check"
    CHECK (("status" = 'submitted') = ("customerId" IS NOT NULL));
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_scope_check"
    CHECK ("scope" IN ('api', 'draft'));
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorType_check"
    CHECK ("actorType" IN ('user', 'api_key', 'system'));
ALTER TABLE "File" ADD CONSTRAINT "File_size_check" CHECK ("size" >= 0);

-- The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks. In production the
-- app's role also lacks those rights on this table (README, "Deploying"); the triggers hold even
-- for a role that has them.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
