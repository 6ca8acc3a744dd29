-- The event outbox (lib/events/): what partners are told about their customers, written in the
-- same statement or transaction as the change. Exactly what `prisma migrate diff` writes for the
-- Event model; a new table, so no data to move and no lock on a big table. Numbered 0005 because
-- another branch adds 0004.

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" TEXT NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_partnerId_createdAt_id_idx" ON "Event"("partnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Event_customerId_createdAt_id_idx" ON "Event"("customerId", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

