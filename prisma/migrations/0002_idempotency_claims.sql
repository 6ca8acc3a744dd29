-- In-flight Idempotency-Keys, claimed in the database so that the claim holds across app
-- processes (lib/idempotency/idempotency-keys.ts). The table is exactly what `prisma migrate diff`
-- writes for the IdempotencyClaim model; below it, what Prisma's schema cannot say.

-- CreateTable
CREATE TABLE "IdempotencyClaim" (
    "partnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "owner" INTEGER NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdempotencyClaim_pkey" PRIMARY KEY ("partnerId","scope","key")
);

-- A claim lives for one request: it is worth no write-ahead log (two more WAL records and commit
-- flushes per keyed create), and after a crash of the database no request it guarded is still
-- running, so the table coming back empty is right.
ALTER TABLE "IdempotencyClaim" SET UNLOGGED;

ALTER TABLE "IdempotencyClaim" ADD CONSTRAINT "IdempotencyClaim_scope_check"
    CHECK ("scope" IN ('api', 'draft'));
