-- migrate:up
-- The mail outbox (lib/mail): each mail is written here in the same transaction as what caused it, and a
-- graphile-worker job (schema graphile_worker, installed by scripts/lib/migrate.ts after these migrations)
-- carries only its id.
CREATE TYPE "mail_status" AS ENUM ('queued', 'sent', 'failed');

CREATE TABLE "mail_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "template" TEXT NOT NULL,
    "locale" VARCHAR(2) NOT NULL,
    "recipient" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "candidate_id" UUID,
    "status" "mail_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error_code" TEXT,
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "mail_outbox_candidate_id_idx" ON "mail_outbox"("candidate_id");
CREATE INDEX "mail_outbox_status_created_at_idx" ON "mail_outbox"("status", "created_at");

-- A candidate's mails go with the candidate (right to deletion): they hold the address.
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
DROP TABLE IF EXISTS "mail_outbox";
DROP TYPE IF EXISTS "mail_status";
