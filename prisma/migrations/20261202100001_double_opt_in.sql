-- migrate:up
-- Double opt-in (lib/candidates/sign-up.ts, confirm.ts): a sign-up waits as a pending submission until the link
-- mailed to the address is used; the candidate row carries the consent state every list, count and export reads.
CREATE TYPE "candidate_status" AS ENUM ('pending', 'active', 'revoked');
CREATE TYPE "token_purpose" AS ENUM ('confirm_sign_up', 'my_data');

ALTER TABLE "candidates"
    ADD COLUMN "status" "candidate_status" NOT NULL DEFAULT 'pending',
    ADD COLUMN "consent_purposes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "confirmed_at" TIMESTAMPTZ(3);

ALTER TABLE "submissions"
    ADD COLUMN "pending" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "confirmed_at" TIMESTAMPTZ(3),
    ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'sign-up';

ALTER TABLE "consents"
    ADD COLUMN "confirmed_at" TIMESTAMPTZ(3),
    ADD COLUMN "confirm_ip_address" TEXT,
    ADD COLUMN "confirm_user_agent" TEXT;

-- Candidates who signed up before confirmation existed keep the state their latest consent gave them: active with
-- its purposes, or revoked. Their consents stay unconfirmed (confirmed_at NULL): that evidence was never collected,
-- and is not invented here. Their submissions were applied when made, so none is pending.
UPDATE "candidates" c
   SET "status" = CASE WHEN lc."revoked_at" IS NULL THEN 'active'::"candidate_status" ELSE 'revoked'::"candidate_status" END,
       "consent_purposes" = CASE WHEN lc."revoked_at" IS NULL THEN lc."purposes" ELSE ARRAY[]::TEXT[] END
  FROM (
    SELECT DISTINCT ON ("candidate_id") "candidate_id", "revoked_at", "purposes"
      FROM "consents"
     ORDER BY "candidate_id", "given_at" DESC, "id" DESC
  ) lc
 WHERE lc."candidate_id" = c."id";

CREATE TABLE "candidate_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "candidate_id" UUID NOT NULL,
    "purpose" "token_purpose" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "submission_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "candidate_tokens_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "candidate_tokens_token_hash_key" ON "candidate_tokens"("token_hash");
CREATE INDEX "candidate_tokens_candidate_id_idx" ON "candidate_tokens"("candidate_id");
CREATE INDEX "candidate_tokens_submission_id_idx" ON "candidate_tokens"("submission_id");

ALTER TABLE "candidate_tokens" ADD CONSTRAINT "candidate_tokens_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "candidate_tokens" ADD CONSTRAINT "candidate_tokens_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
DROP TABLE IF EXISTS "candidate_tokens";
ALTER TABLE "consents" DROP COLUMN "confirmed_at", DROP COLUMN "confirm_ip_address", DROP COLUMN "confirm_user_agent";
ALTER TABLE "submissions" DROP COLUMN "pending", DROP COLUMN "confirmed_at", DROP COLUMN "origin";
ALTER TABLE "candidates" DROP COLUMN "status", DROP COLUMN "consent_purposes", DROP COLUMN "confirmed_at";
DROP TYPE IF EXISTS "token_purpose";
DROP TYPE IF EXISTS "candidate_status";
