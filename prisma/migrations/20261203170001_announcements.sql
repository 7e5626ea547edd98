-- migrate:up
-- Announcing an opportunity (lib/opportunities/announce.ts). Staff announce: one set-based INSERT … SELECT writes a
-- pipeline row per matching candidate, its mail `waiting`. A job releases waiting mails into the outbox at
-- ANNOUNCE_MAILS_PER_MINUTE (each with a fresh link token, whose SHA-256 alone is kept on the row), or withholds
-- them when the candidate's consent for that purpose is no longer in force. A mail released but not yet sent is
-- checked again at send time, and ends `skipped` if the consent was withdrawn meanwhile.
-- (An enum value cannot be dropped again: migrate:down leaves 'skipped' in place.)
ALTER TYPE "mail_status" ADD VALUE IF NOT EXISTS 'skipped';

CREATE TYPE "announce_mail" AS ENUM ('waiting', 'released', 'withheld');

ALTER TABLE "opportunity_candidates"
    ADD COLUMN "announce_mail" "announce_mail",
    ADD COLUMN "mail_id" UUID,
    ADD COLUMN "link_token_hash" CHAR(64);

-- The release job takes the oldest waiting mails first; only waiting rows are in this index.
CREATE INDEX "opportunity_candidates_waiting_idx" ON "opportunity_candidates" ("announced_at", "opportunity_id", "candidate_id")
    WHERE "announce_mail" = 'waiting';
CREATE UNIQUE INDEX "opportunity_candidates_mail_id_key" ON "opportunity_candidates" ("mail_id");
CREATE UNIQUE INDEX "opportunity_candidates_link_token_hash_key" ON "opportunity_candidates" ("link_token_hash");
ALTER TABLE "opportunity_candidates" ADD CONSTRAINT "opportunity_candidates_mail_id_fkey" FOREIGN KEY ("mail_id") REFERENCES "mail_outbox"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The release job's rate window: announcement mails written to the outbox in the last minute.
CREATE INDEX "mail_outbox_announcements_created_at_idx" ON "mail_outbox" ("created_at") WHERE "template" = 'opportunity-announcement';

-- migrate:down
DROP INDEX IF EXISTS "mail_outbox_announcements_created_at_idx";
ALTER TABLE "opportunity_candidates" DROP CONSTRAINT IF EXISTS "opportunity_candidates_mail_id_fkey";
DROP INDEX IF EXISTS "opportunity_candidates_link_token_hash_key";
DROP INDEX IF EXISTS "opportunity_candidates_mail_id_key";
DROP INDEX IF EXISTS "opportunity_candidates_waiting_idx";
ALTER TABLE "opportunity_candidates" DROP COLUMN "announce_mail", DROP COLUMN "mail_id", DROP COLUMN "link_token_hash";
DROP TYPE IF EXISTS "announce_mail";
