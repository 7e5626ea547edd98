-- migrate:up
-- Requests from organizations (/join): who wrote, for which organization, what they want to do, and where staff
-- are with it. The contact's details are personal data: kept to answer the request, readable only by staff through
-- lib/organizations (authorized and audited), deleted with the request.
CREATE TYPE "organization_kind" AS ENUM ('company', 'school', 'university', 'trade_association', 'ngo', 'government');
CREATE TYPE "organization_request_status" AS ENUM ('new', 'in_progress', 'answered', 'closed');

CREATE TABLE "organization_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization" TEXT NOT NULL,
    "kind" "organization_kind" NOT NULL,
    "contact_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "purposes" TEXT[],
    "message" TEXT NOT NULL DEFAULT '',
    "locale" VARCHAR(2) NOT NULL,
    "status" "organization_request_status" NOT NULL DEFAULT 'new',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_requests_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "organization_requests_status_created_at_idx" ON "organization_requests"("status", "created_at" DESC);

-- migrate:down
DROP TABLE IF EXISTS "organization_requests";
DROP TYPE IF EXISTS "organization_request_status";
DROP TYPE IF EXISTS "organization_kind";
