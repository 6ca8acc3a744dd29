-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "partnerId" TEXT,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OnboardingDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "data" TEXT NOT NULL DEFAULT '{}',
    "completedSteps" TEXT NOT NULL DEFAULT '[]',
    "customerId" TEXT,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OnboardingDraft_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OnboardingDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OnboardingDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OnboardingDraft_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "partnerCustomerId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "businessNameEnglish" TEXT NOT NULL,
    "businessName" TEXT,
    "website" TEXT,
    "businessIdentifierNumber" TEXT NOT NULL,
    "businessIdentifierCountryCode" TEXT NOT NULL,
    "businessIdentifierStartDate" DATETIME,
    "businessIdentifierExpiryDate" DATETIME,
    "registrationAddressLine1" TEXT NOT NULL,
    "registrationAddressCity" TEXT NOT NULL,
    "registrationAddressState" TEXT,
    "registrationAddressPostcode" TEXT,
    "registrationAddressCountryCode" TEXT NOT NULL,
    "operatingCountry" TEXT NOT NULL,
    "goodsServiceDescription" TEXT,
    "industryCategoryCode" TEXT,
    "estimatedMonthlyRevenueCurrency" TEXT NOT NULL,
    "estimatedMonthlyRevenueAmount" DECIMAL NOT NULL,
    "contactPhone" TEXT,
    "contactEmail" TEXT NOT NULL,
    "createdByApiKeyId" TEXT,
    "createdByUserId" TEXT,
    CONSTRAINT "Customer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Customer_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Customer" ("businessIdentifierCountryCode", "businessIdentifierExpiryDate", "businessIdentifierNumber", "businessIdentifierStartDate", "businessName", "businessNameEnglish", "contactEmail", "contactPhone", "createdAt", "estimatedMonthlyRevenueAmount", "estimatedMonthlyRevenueCurrency", "goodsServiceDescription", "id", "industryCategoryCode", "operatingCountry", "partnerCustomerId", "partnerId", "registrationAddressCity", "registrationAddressCountryCode", "registrationAddressLine1", "registrationAddressPostcode", "registrationAddressState", "status", "updatedAt", "version", "website") SELECT "businessIdentifierCountryCode", "businessIdentifierExpiryDate", "businessIdentifierNumber", "businessIdentifierStartDate", "businessName", "businessNameEnglish", "contactEmail", "contactPhone", "createdAt", "estimatedMonthlyRevenueAmount", "estimatedMonthlyRevenueCurrency", "goodsServiceDescription", "id", "industryCategoryCode", "operatingCountry", "partnerCustomerId", "partnerId", "registrationAddressCity", "registrationAddressCountryCode", "registrationAddressLine1", "registrationAddressPostcode", "registrationAddressState", "status", "updatedAt", "version", "website" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE INDEX "Customer_partnerId_createdAt_idx" ON "Customer"("partnerId", "createdAt");
CREATE INDEX "Customer_partnerId_status_createdAt_idx" ON "Customer"("partnerId", "status", "createdAt");
CREATE INDEX "Customer_status_createdAt_idx" ON "Customer"("status", "createdAt");
CREATE UNIQUE INDEX "Customer_partnerId_partnerCustomerId_key" ON "Customer"("partnerId", "partnerCustomerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_partnerId_idx" ON "User"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "OnboardingDraft_customerId_key" ON "OnboardingDraft"("customerId");

-- CreateIndex
CREATE INDEX "OnboardingDraft_partnerId_status_updatedAt_idx" ON "OnboardingDraft"("partnerId", "status", "updatedAt");
