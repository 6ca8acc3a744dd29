-- Partner API rate limits (lib/api/rate-limits.ts): a limit per partner (null: the configured
-- default) and one token bucket per API key, shared by every app process. The DDL is exactly what
-- `prisma migrate diff` writes for the schema; below it, what Prisma's schema cannot say.

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "rateLimitBurst" INTEGER,
ADD COLUMN     "rateLimitPerSecond" INTEGER;

-- CreateTable
CREATE TABLE "ApiRateLimit" (
    "apiKeyId" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ApiRateLimit_pkey" PRIMARY KEY ("apiKeyId")
);

-- A bucket is written on every partner API request: it is worth no write-ahead log (a WAL record
-- and a commit flush per request), and a bucket lost in a crash of the database only comes back
-- full, which is what a fresh key starts with anyway.
ALTER TABLE "ApiRateLimit" SET UNLOGGED;

ALTER TABLE "Partner" ADD CONSTRAINT "Partner_rateLimit_check"
    CHECK ("rateLimitPerSecond" > 0 AND "rateLimitBurst" >= 1);
