-- migrate:up
-- Every sharing of candidates' data with a partner organization (Ley 1581 art. 8(c): the person may know to whom
-- their data went): an export or a referral, with the organization, the purpose, who did it, and which candidates
-- were in it (lib/sharing). Written before the first byte of an export leaves, in the snapshot its rows come from.
CREATE TABLE "sharings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "staff_user_id" UUID,
    -- csv or xlsx (an export), referral (one candidate referred to an employer).
    "format" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sharings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sharings_format_check" CHECK ("format" IN ('csv', 'xlsx', 'referral')),
    CONSTRAINT "sharings_purpose_check" CHECK (length("purpose") BETWEEN 1 AND 500)
);
CREATE INDEX "sharings_organization_id_created_at_idx" ON "sharings"("organization_id", "created_at" DESC);
ALTER TABLE "sharings" ADD CONSTRAINT "sharings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "partner_organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sharings" ADD CONSTRAINT "sharings_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Which candidates a sharing held. candidate_id has no foreign key on purpose: the record that a person's data went
-- to an organization is the controller's evidence and outlives the person's deletion (only the id stays, like
-- revocation_proofs), and a key check would lock every exported candidate row (an export holds up to millions).
CREATE TABLE "sharing_candidates" (
    "sharing_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,

    CONSTRAINT "sharing_candidates_pkey" PRIMARY KEY ("sharing_id", "candidate_id")
);
CREATE INDEX "sharing_candidates_candidate_id_idx" ON "sharing_candidates"("candidate_id");
ALTER TABLE "sharing_candidates" ADD CONSTRAINT "sharing_candidates_sharing_id_fkey" FOREIGN KEY ("sharing_id") REFERENCES "sharings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which candidates were mailed about which policy version (lib/consent/policy-change.ts): the primary key is what
-- makes it once per candidate and version, however many times or workers the job runs.
CREATE TABLE "policy_notices_sent" (
    "candidate_id" UUID NOT NULL,
    "policy_version" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_notices_sent_pkey" PRIMARY KEY ("candidate_id", "policy_version")
);
ALTER TABLE "policy_notices_sent" ADD CONSTRAINT "policy_notices_sent_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
DROP TABLE IF EXISTS "policy_notices_sent";
DROP TABLE IF EXISTS "sharing_candidates";
DROP TABLE IF EXISTS "sharings";
