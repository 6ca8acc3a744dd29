-- Webhook delivery (lib/webhooks/delivery-worker.ts): one WebhookDelivery row per event and
-- endpoint, each attempt logged in WebhookDeliveryAttempt; the endpoint's rotated secret and its
-- failing mark. The tables and columns are what `prisma migrate diff` writes for the models (new
-- tables and nullable columns: no data to move, no rewrite of WebhookEndpoint). Below them, the
-- trigger that fans an event out to its endpoints, which Prisma's schema cannot say.

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "failingSince" TIMESTAMPTZ(3),
ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" BIGSERIAL NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "customerId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "leaseToken" TEXT,
    "firstAttemptAt" TIMESTAMPTZ(3),
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastDurationMs" INTEGER,
    "lastResponseExcerpt" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDeliveryAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" BIGINT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "responseExcerpt" TEXT,

    CONSTRAINT "WebhookDeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_customerId_id_idx" ON "WebhookDelivery"("endpointId", "customerId", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_id_idx" ON "WebhookDelivery"("endpointId", "id");

-- CreateIndex
CREATE INDEX "WebhookDeliveryAttempt_deliveryId_id_idx" ON "WebhookDeliveryAttempt"("deliveryId", "id");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Fan-out: in the transaction that writes an Event (the outbox), one delivery per enabled endpoint
-- of the event's partner subscribed to its type, so an event committed is never without its
-- deliveries, and the code that writes events (the create path's single statement) is untouched.
-- pg_notify wakes the delivery workers at COMMIT (nothing is sent for a transaction rolled back).
CREATE FUNCTION "webhook_fan_out"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "WebhookDelivery" ("endpointId", "eventId", "eventType", "customerId")
    SELECT e."id", NEW."id", NEW."type", NEW."customerId"
    FROM "WebhookEndpoint" e
    WHERE e."partnerId" = NEW."partnerId" AND e."disabledAt" IS NULL AND NEW."type" = ANY (e."eventTypes")
    ORDER BY e."id";
    IF FOUND THEN
        PERFORM pg_notify('webhook_delivery', '');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_webhook_fan_out" AFTER INSERT ON "Event"
    FOR EACH ROW EXECUTE FUNCTION "webhook_fan_out"();

-- A closed vocabulary, checked like 0001's.
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_status_check"
    CHECK ("status" IN ('pending', 'delivered', 'failed'));
