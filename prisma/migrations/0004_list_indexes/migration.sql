-- DropIndex
DROP INDEX "Customer_partnerId_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_partnerId_status_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_status_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_createdAt_idx";

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
