-- migrate:up
-- Partner organizations: who receives candidates' data (Ley 1581 art. 8(c); every export and every referral names
-- one), and the opportunities staff announce to candidates, with each candidate's place in their pipeline.
CREATE TYPE "partner_kind" AS ENUM ('employer', 'training_provider', 'public_body', 'other');
-- Decreto 1377: a processor (encargado) handles data on the agency's behalf; a controller (responsable) decides
-- its own uses, which needs the share-with-partners purpose.
CREATE TYPE "partner_receives_as" AS ENUM ('processor', 'controller');

CREATE TABLE "partner_organizations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" "partner_kind" NOT NULL,
    "country" CHAR(2) NOT NULL DEFAULT 'CO',
    "receives_as" "partner_receives_as" NOT NULL,
    "agreement_reference" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "partner_organizations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "partner_organizations_country_check" CHECK ("country" ~ '^[A-Z]{2}$')
);
CREATE UNIQUE INDEX "partner_organizations_name_key" ON "partner_organizations" (lower("name"));
ALTER TABLE "partner_organizations" ADD CONSTRAINT "partner_organizations_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TYPE "opportunity_kind" AS ENUM ('cohort', 'job');
CREATE TYPE "opportunity_state" AS ENUM ('draft', 'published', 'closed');
CREATE TYPE "opportunity_mode" AS ENUM ('in_person', 'online', 'hybrid');

CREATE TABLE "opportunities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "kind" "opportunity_kind" NOT NULL,
    "state" "opportunity_state" NOT NULL DEFAULT 'draft',
    "title_es" TEXT NOT NULL DEFAULT '',
    "title_en" TEXT NOT NULL DEFAULT '',
    "description_es" TEXT NOT NULL DEFAULT '',
    "description_en" TEXT NOT NULL DEFAULT '',
    -- A training cohort of one of the programs (lib/programs/slugs.ts).
    "program" TEXT,
    "starts_on" DATE,
    "ends_on" DATE,
    "schedule_es" TEXT,
    "schedule_en" TEXT,
    "mode" "opportunity_mode",
    "place" TEXT,
    "cost_terms_es" TEXT,
    "cost_terms_en" TEXT,
    "seats" INTEGER,
    "how_to_enrol_es" TEXT,
    "how_to_enrol_en" TEXT,
    "enrolment_url" TEXT,
    -- A job opening at a partner employer.
    "employer_id" UUID,
    "salary_min" INTEGER,
    "salary_max" INTEGER,
    "salary_currency" CHAR(3) NOT NULL DEFAULT 'COP',
    "closes_on" DATE,
    -- Who it is for; matching reads these (NULL or empty: no restriction).
    "min_english_level" "english_level",
    "municipalities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "remote" BOOLEAN NOT NULL DEFAULT false,
    "interests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "min_age" SMALLINT,
    "max_age" SMALLINT,
    "published_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opportunities_pkey" PRIMARY KEY ("id"),
    -- Both languages before anyone outside sees it.
    CONSTRAINT "opportunities_bilingual_check" CHECK ("state" = 'draft' OR ("title_es" <> '' AND "title_en" <> '' AND "description_es" <> '' AND "description_en" <> '')),
    CONSTRAINT "opportunities_kind_check" CHECK ("state" = 'draft' OR ("kind" = 'cohort' AND "program" IS NOT NULL) OR ("kind" = 'job' AND "employer_id" IS NOT NULL)),
    CONSTRAINT "opportunities_age_check" CHECK ("min_age" IS NULL OR "max_age" IS NULL OR "min_age" <= "max_age"),
    CONSTRAINT "opportunities_salary_check" CHECK ("salary_min" IS NULL OR "salary_max" IS NULL OR "salary_min" <= "salary_max")
);
CREATE UNIQUE INDEX "opportunities_slug_key" ON "opportunities"("slug");
CREATE INDEX "opportunities_state_kind_idx" ON "opportunities"("state", "kind");
CREATE INDEX "opportunities_program_idx" ON "opportunities"("program") WHERE "program" IS NOT NULL;
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_employer_id_fkey" FOREIGN KEY ("employer_id") REFERENCES "partner_organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- "placed": hired (a job) or enrolled (a cohort).
CREATE TYPE "pipeline_status" AS ENUM ('announced', 'interested', 'shortlisted', 'referred', 'interviewing', 'placed', 'not_selected', 'withdrawn');

-- One row per candidate and opportunity: its primary key is what makes "nobody gets the same opportunity twice".
CREATE TABLE "opportunity_candidates" (
    "opportunity_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "status" "pipeline_status" NOT NULL DEFAULT 'announced',
    "announced_at" TIMESTAMPTZ(3),
    "interested_at" TIMESTAMPTZ(3),
    "updated_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opportunity_candidates_pkey" PRIMARY KEY ("opportunity_id", "candidate_id")
);
CREATE INDEX "opportunity_candidates_candidate_id_idx" ON "opportunity_candidates"("candidate_id");
CREATE INDEX "opportunity_candidates_status_idx" ON "opportunity_candidates"("opportunity_id", "status");
ALTER TABLE "opportunity_candidates" ADD CONSTRAINT "opportunity_candidates_opportunity_id_fkey" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunity_candidates" ADD CONSTRAINT "opportunity_candidates_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunity_candidates" ADD CONSTRAINT "opportunity_candidates_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every change of a pipeline status, with its note and who made it (NULL: the candidate, e.g. "I'm interested").
CREATE TABLE "opportunity_pipeline_events" (
    "id" BIGSERIAL NOT NULL,
    "opportunity_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "status" "pipeline_status" NOT NULL,
    "note" TEXT,
    "staff_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opportunity_pipeline_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "opportunity_pipeline_events_pair_idx" ON "opportunity_pipeline_events"("opportunity_id", "candidate_id", "created_at");
ALTER TABLE "opportunity_pipeline_events" ADD CONSTRAINT "opportunity_pipeline_events_pair_fkey" FOREIGN KEY ("opportunity_id", "candidate_id") REFERENCES "opportunity_candidates"("opportunity_id", "candidate_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "opportunity_pipeline_events" ADD CONSTRAINT "opportunity_pipeline_events_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- migrate:down
DROP TABLE IF EXISTS "opportunity_pipeline_events";
DROP TABLE IF EXISTS "opportunity_candidates";
DROP TYPE IF EXISTS "pipeline_status";
DROP TABLE IF EXISTS "opportunities";
DROP TYPE IF EXISTS "opportunity_mode";
DROP TYPE IF EXISTS "opportunity_state";
DROP TYPE IF EXISTS "opportunity_kind";
DROP TABLE IF EXISTS "partner_organizations";
DROP TYPE IF EXISTS "partner_receives_as";
DROP TYPE IF EXISTS "partner_kind";
