-- migrate:up
-- My data (lib/my-data): a candidate's short session, opened with a single-use mailed link; the evidence of each
-- consent withdrawn per purpose; and an index that finds a candidate's own events in the audit log.
CREATE TABLE "candidate_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "candidate_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "form_state" JSONB,

    CONSTRAINT "candidate_sessions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "consent_withdrawals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "candidate_id" UUID NOT NULL,
    "purposes" TEXT[],
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_withdrawals_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "candidate_sessions_token_hash_key" ON "candidate_sessions"("token_hash");
CREATE INDEX "candidate_sessions_candidate_id_idx" ON "candidate_sessions"("candidate_id");
CREATE INDEX "consent_withdrawals_candidate_id_idx" ON "consent_withdrawals"("candidate_id");
CREATE INDEX "audit_events_details_idx" ON "audit_events" USING GIN ("details" jsonb_path_ops);

ALTER TABLE "candidate_sessions" ADD CONSTRAINT "candidate_sessions_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
DROP INDEX IF EXISTS "audit_events_details_idx";
DROP TABLE IF EXISTS "consent_withdrawals";
DROP TABLE IF EXISTS "candidate_sessions";
