-- Hosted onboarding links (lib/onboarding-links/): a partner mints a single-use link and the
-- business fills the wizard itself. A draft is now owned by a staff member (createdById) or by
-- an onboarding link (onboardingLinkId); the CHECK keeps one of them set. Only nullability
-- changes on OnboardingDraft (no data to move); OnboardingLink is a new table.

-- AlterTable
ALTER TABLE "OnboardingDraft" ADD COLUMN     "onboardingLinkId" TEXT,
ALTER COLUMN "createdById" DROP NOT NULL,
ALTER COLUMN "updatedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "OnboardingLink" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "partnerCustomerId" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "refreshUrl" TEXT NOT NULL,
    "locale" TEXT,
    "tokenHash" TEXT NOT NULL,
    "prefill" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "sessionHash" TEXT,
    "sessionExpiresAt" TIMESTAMPTZ(3),
    "fileIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "submittedAt" TIMESTAMPTZ(3),
    "customerId" TEXT,
    "createdByApiKeyId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingLink_tokenHash_key" ON "OnboardingLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingLink_sessionHash_key" ON "OnboardingLink"("sessionHash");

-- CreateIndex
CREATE INDEX "OnboardingLink_partnerId_createdAt_idx" ON "OnboardingLink"("partnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingDraft_onboardingLinkId_key" ON "OnboardingDraft"("onboardingLinkId");

-- AddForeignKey
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_onboardingLinkId_fkey" FOREIGN KEY ("onboardingLinkId") REFERENCES "OnboardingLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingLink" ADD CONSTRAINT "OnboardingLink_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A draft belongs to a staff member or to an onboarding link.
ALTER TABLE "OnboardingDraft" ADD CONSTRAINT "OnboardingDraft_owner_check"
    CHECK ("createdById" IS NOT NULL OR "onboardingLinkId" IS NOT NULL);
