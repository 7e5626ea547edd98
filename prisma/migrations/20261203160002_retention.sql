-- migrate:up
-- Retention (lib/retention): each scheduled run, with what it deleted per rule and the periods in force; and the
-- proof kept of each revoked candidate deleted once the accountability period ended: only that the revocation was
-- received (when, from whom, for which purposes) and carried out (when the data was deleted), under the
-- candidate's id, which the audit events also carry. No name, address, phone or answer.
CREATE TABLE "retention_runs" (
    "id" BIGSERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "retention_runs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "retention_runs_started_at_idx" ON "retention_runs"("started_at" DESC);

CREATE TABLE "revocation_proofs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "candidate_id" UUID NOT NULL,
    "revocation_received_at" TIMESTAMPTZ(3) NOT NULL,
    "revocation_source" TEXT,
    "purposes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retention_run_id" BIGINT,

    CONSTRAINT "revocation_proofs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "revocation_proofs_candidate_id_idx" ON "revocation_proofs"("candidate_id");
ALTER TABLE "revocation_proofs" ADD CONSTRAINT "revocation_proofs_retention_run_id_fkey" FOREIGN KEY ("retention_run_id") REFERENCES "retention_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Sessions and attempts are purged by age: these let the purge find them without a full scan.
CREATE INDEX "login_attempts_created_at_idx" ON "login_attempts"("created_at");
CREATE INDEX "staff_sessions_expires_at_idx" ON "staff_sessions"("expires_at");

-- migrate:down
DROP INDEX IF EXISTS "staff_sessions_expires_at_idx";
DROP INDEX IF EXISTS "login_attempts_created_at_idx";
DROP TABLE IF EXISTS "revocation_proofs";
DROP TABLE IF EXISTS "retention_runs";
