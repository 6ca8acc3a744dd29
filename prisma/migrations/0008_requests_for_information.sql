-- Requests for information (lib/customers/requirements.ts): what a reviewer asked the partner to
-- fix on a pending customer, one row per field, cleared by the update that changes it; and the
-- field paths an audit event is about (the fields an update changed, or a request asked for).
-- A new table, and a column with a constant default (no table rewrite since PostgreSQL 11), so
-- no data to move and no long lock on AuditEvent.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "fields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "CustomerRequirement" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestedById" TEXT NOT NULL,
    "clearedAt" TIMESTAMPTZ(3),
    "clearedByEventId" TEXT,

    CONSTRAINT "CustomerRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerRequirement_customerId_requestedAt_idx" ON "CustomerRequirement"("customerId", "requestedAt");

-- AddForeignKey
ALTER TABLE "CustomerRequirement" ADD CONSTRAINT "CustomerRequirement_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

