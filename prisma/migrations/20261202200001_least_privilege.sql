-- migrate:up
-- Least privilege (docs/security.md). These migrations run as the tables' owner; the web server connects as a
-- login role that is a member of `bilingual_talent_app`, granted here what the app does and no more: rows in,
-- out, changed and deleted, but no table, trigger or function changed, and nothing truncated. On the audit log,
-- only INSERT and SELECT. The group role is per server, not per database: an operator creates it beforehand
-- (docs/security.md); a migrating role that may create roles (the embedded database's superuser) makes it here.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bilingual_talent_app') THEN
    BEGIN
      CREATE ROLE bilingual_talent_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- made meanwhile by another migration on this server
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'The role bilingual_talent_app does not exist, and % may not create it: create it first (docs/security.md).', current_user;
    END;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO bilingual_talent_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bilingual_talent_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bilingual_talent_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_events" FROM bilingual_talent_app;

-- Tables, sequences and schemas that later migrations create as this same owner (the mail outbox; a job queue's
-- own schema, such as graphile_worker's, installed by the migrate step) get the same grants without each
-- migration remembering them. A table that must not be changed revokes, as audit_events does above.
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO bilingual_talent_app;
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bilingual_talent_app;
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO bilingual_talent_app;
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO bilingual_talent_app;

-- The row-level trigger refuses UPDATE and DELETE; TRUNCATE is a statement of its own and passed it. Now it is
-- refused too, whoever runs it (the app role may not truncate anyway; this holds for the owner as well).
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();

-- migrate:down
DROP TRIGGER IF EXISTS "audit_events_no_truncate" ON "audit_events";
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM bilingual_talent_app;
ALTER DEFAULT PRIVILEGES REVOKE USAGE, SELECT ON SEQUENCES FROM bilingual_talent_app;
ALTER DEFAULT PRIVILEGES REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM bilingual_talent_app;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM bilingual_talent_app;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM bilingual_talent_app;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM bilingual_talent_app;
REVOKE USAGE ON SCHEMA public FROM bilingual_talent_app;
