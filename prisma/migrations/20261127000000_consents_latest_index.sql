-- migrate:up
-- Each candidate's latest consent (ORDER BY given_at DESC, id DESC LIMIT 1, then revoked_at and policy_version) is
-- looked up once per candidate by the candidate list, its counts and the exports. With id, revoked_at and
-- policy_version in the key, the lookup is read from the index alone: the count before a 1,000,000-row export
-- took about 5.5 s with the old index (an incremental sort and a table read per candidate) and 1.8 s with this
-- one. It serves every use of the index it replaces, whose columns are its first two.
CREATE INDEX "consents_latest_idx" ON "consents"("candidate_id", "given_at" DESC, "id" DESC, "revoked_at", "policy_version");
DROP INDEX "consents_candidate_id_given_at_idx";

-- migrate:down
CREATE INDEX "consents_candidate_id_given_at_idx" ON "consents"("candidate_id", "given_at" DESC);
DROP INDEX "consents_latest_idx";
