-- INSERT OR REPLACE deletes the clashing row without firing delete triggers (recursive_triggers
-- is off), so an insert may never reuse the id of an existing audit event.
CREATE TRIGGER "AuditEvent_no_replace" BEFORE INSERT ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = NEW."id")
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
