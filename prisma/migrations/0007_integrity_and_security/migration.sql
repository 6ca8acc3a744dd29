-- Sessions ended on the server, draft versions, a namespace for draft submissions' idempotency
-- keys, and audit events that need no customer (security events).
-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OnboardingDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "data" TEXT NOT NULL DEFAULT '{}',
    "completedSteps" TEXT NOT NULL DEFAULT '[]',
    "customerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OnboardingDraft_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OnboardingDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OnboardingDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OnboardingDraft_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OnboardingDraft" ("completedSteps", "createdAt", "createdById", "customerId", "data", "id", "partnerId", "status", "updatedAt", "updatedById") SELECT "completedSteps", "createdAt", "createdById", "customerId", "data", "id", "partnerId", "status", "updatedAt", "updatedById" FROM "OnboardingDraft";
DROP TABLE "OnboardingDraft";
ALTER TABLE "new_OnboardingDraft" RENAME TO "OnboardingDraft";
CREATE UNIQUE INDEX "OnboardingDraft_customerId_key" ON "OnboardingDraft"("customerId");
CREATE INDEX "OnboardingDraft_partnerId_status_updatedAt_idx" ON "OnboardingDraft"("partnerId", "status", "updatedAt");
CREATE TABLE "new_IdempotencyKey" (
    "partnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'api',
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("partnerId", "scope", "key"),
    CONSTRAINT "IdempotencyKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_IdempotencyKey" ("createdAt", "key", "partnerId", "requestHash", "responseBody", "responseStatus") SELECT "createdAt", "key", "partnerId", "requestHash", "responseBody", "responseStatus" FROM "IdempotencyKey";
DROP TABLE "IdempotencyKey";
ALTER TABLE "new_IdempotencyKey" RENAME TO "IdempotencyKey";
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "customerId" TEXT,
    "partnerId" TEXT,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "reason" TEXT,
    "subject" TEXT
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "actorLabel", "actorType", "at", "customerId", "fromStatus", "id", "partnerId", "reason", "subject", "toStatus") SELECT "action", "actorId", "actorLabel", "actorType", "at", "customerId", "fromStatus", "id", "partnerId", "reason", "subject", "toStatus" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_customerId_at_idx" ON "AuditEvent"("customerId", "at");
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");


-- The rebuilt audit table keeps the guarantees of 0003 and 0005: append-only.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER "AuditEvent_no_replace" BEFORE INSERT ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = NEW."id")
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- Submitted drafts keep nothing of the form: the customer record holds it (ID numbers once, not twice).
UPDATE "OnboardingDraft" SET "data" = '{}' WHERE "status" = 'submitted';
