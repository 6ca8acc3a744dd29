-- The partner API rate limit applies per partner, across its keys (lib/api/rate-limits.ts): a
-- second key no longer doubles it. The buckets are throwaway state (UNLOGGED, full when lost), so
-- the per-key table is dropped rather than converted. The DDL is exactly what `prisma migrate
-- diff` writes for the schema; below it, what Prisma's schema cannot say.

-- DropTable
DROP TABLE "ApiRateLimit";

-- CreateTable
CREATE TABLE "PartnerRateLimit" (
    "partnerId" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "PartnerRateLimit_pkey" PRIMARY KEY ("partnerId")
);

-- Written on every partner API request: worth no write-ahead log (see 0004).
ALTER TABLE "PartnerRateLimit" SET UNLOGGED;

-- Every app process caches API keys and partners' rate limits (lib/partners/api-keys.ts), and
-- drops a partner's entries when told so here, at the commit of a revocation or a new limit, by
-- whatever wrote it (the portal, the shell, another process).
CREATE FUNCTION notify_api_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('api_access_changed', to_jsonb(NEW) ->> TG_ARGV[0]);
    RETURN NULL;
END
$$;

CREATE TRIGGER "ApiKey_revoked" AFTER UPDATE OF "revokedAt" ON "ApiKey"
    FOR EACH ROW WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt")
    EXECUTE FUNCTION notify_api_access_changed('partnerId');

CREATE TRIGGER "Partner_rate_limit_changed" AFTER UPDATE OF "rateLimitPerSecond", "rateLimitBurst" ON "Partner"
    FOR EACH ROW WHEN (OLD."rateLimitPerSecond" IS DISTINCT FROM NEW."rateLimitPerSecond"
        OR OLD."rateLimitBurst" IS DISTINCT FROM NEW."rateLimitBurst")
    EXECUTE FUNCTION notify_api_access_changed('id');
