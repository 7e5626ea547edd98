-- migrate:up
-- A job opening's employment type when the employer says it: schema.org JobPosting.employmentType, which Google
-- reads to file the posting under full-time, part-time and so on.
CREATE TYPE "employment_type" AS ENUM ('full_time', 'part_time', 'contractor', 'temporary', 'internship');
ALTER TABLE "opportunities" ADD COLUMN "employment_type" "employment_type";

-- migrate:down
ALTER TABLE "opportunities" DROP COLUMN IF EXISTS "employment_type";
DROP TYPE IF EXISTS "employment_type";
