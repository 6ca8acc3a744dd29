-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Customer" (
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
    CONSTRAINT "Customer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BusinessPerson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "firstNameEnglish" TEXT NOT NULL,
    "lastNameEnglish" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "birthDate" DATETIME NOT NULL,
    "nationality" TEXT NOT NULL,
    "residentialAddressLine1" TEXT,
    "residentialAddressCity" TEXT,
    "residentialAddressState" TEXT,
    "residentialAddressPostcode" TEXT,
    "residentialAddressCountryCode" TEXT,
    "idNumber" TEXT NOT NULL,
    "idIssuingCountryCode" TEXT NOT NULL,
    "idIssueDate" DATETIME,
    "idExpirationDate" DATETIME,
    "idDocumentFrontFileId" TEXT,
    "idDocumentBackFileId" TEXT,
    CONSTRAINT "BusinessPerson_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BusinessPerson_idDocumentFrontFileId_fkey" FOREIGN KEY ("idDocumentFrontFileId") REFERENCES "File" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BusinessPerson_idDocumentBackFileId_fkey" FOREIGN KEY ("idDocumentBackFileId") REFERENCES "File" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerDocument" (
    "customerId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("customerId", "position"),
    CONSTRAINT "CustomerDocument_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "File" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "File" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "File_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "partnerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("partnerId", "key"),
    CONSTRAINT "IdempotencyKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_publicKey_key" ON "ApiKey"("publicKey");

-- CreateIndex
CREATE INDEX "ApiKey_partnerId_idx" ON "ApiKey"("partnerId");

-- CreateIndex
CREATE INDEX "Customer_partnerId_createdAt_idx" ON "Customer"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Customer_partnerId_status_createdAt_idx" ON "Customer"("partnerId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Customer_status_createdAt_idx" ON "Customer"("status", "createdAt");

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
