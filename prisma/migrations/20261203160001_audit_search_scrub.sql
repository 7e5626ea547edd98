-- migrate:up
-- Audit events never hold a staff search's text (lib/audit/search.ts). Events written before that rule kept it in
-- details.filters.q: take it out, once, and say so in the event. The append-only trigger is lifted for this one
-- statement only, inside the migration's transaction.
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_or_delete";
UPDATE "audit_events"
   SET "details" = jsonb_set("details" #- '{filters,q}', '{searchTextRemoved}', 'true'::jsonb)
 WHERE "details" -> 'filters' ? 'q';
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_or_delete";

-- migrate:down
-- The texts removed cannot come back.
SELECT 1;
