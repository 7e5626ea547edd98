-- migrate:up
-- Ley 1581 de 2012 in operation (lib/requests, lib/incidents; docs/decisions/0016-request-register.md).
--
-- The request register: every consulta (art. 14) and reclamo (art. 15) a candidate makes, with its legal due date
-- in Colombian business days, its extension, the request for what a reclamo lacks, the answer and who closed it.
-- `candidate_ref` keeps the candidate's id when the candidate is deleted (a deletion request must outlive the
-- data it deleted: the proof it was received and carried out); `candidate_id` is set to NULL then.
CREATE TYPE "request_kind" AS ENUM ('consulta', 'reclamo');
CREATE TYPE "request_subject" AS ENUM ('access', 'update', 'rectification', 'revocation', 'deletion', 'other');
CREATE TYPE "request_channel" AS ENUM ('my_data', 'email', 'letter', 'phone', 'in_person');
CREATE TYPE "request_status" AS ENUM ('open', 'awaiting_info', 'resolved', 'withdrawn');
CREATE TYPE "incident_status" AS ENUM ('open', 'contained', 'closed');

CREATE TABLE "data_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" SERIAL NOT NULL,
    "candidate_id" UUID,
    "candidate_ref" UUID NOT NULL,
    "kind" "request_kind" NOT NULL,
    "subject" "request_subject" NOT NULL,
    "channel" "request_channel" NOT NULL,
    "status" "request_status" NOT NULL DEFAULT 'open',
    "description" TEXT NOT NULL DEFAULT '',
    "self_service" BOOLEAN NOT NULL DEFAULT false,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_on" DATE NOT NULL,
    "extended_at" TIMESTAMPTZ(3),
    "extension_reason" TEXT,
    "extended_due_on" DATE,
    "info_requested_at" TIMESTAMPTZ(3),
    "info_missing" TEXT,
    "info_received_at" TIMESTAMPTZ(3),
    "answer" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_requests_pkey" PRIMARY KEY ("id")
);

-- The incident register (admins): a breach of security codes as art. 17(n) asks, reported to the SIC within 15
-- business days of its detection.
CREATE TABLE "security_incidents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "summary" TEXT NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "personal_data_affected" BOOLEAN NOT NULL,
    "reported_to_sic_at" TIMESTAMPTZ(3),
    "sic_due_on" DATE NOT NULL,
    "status" "incident_status" NOT NULL DEFAULT 'open',
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_incidents_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "data_requests_reference_key" ON "data_requests"("reference");
-- A candidate's open reclamo (the "reclamo en trámite" mark; exports leave them out) and the register's lists.
CREATE INDEX "data_requests_candidate_id_status_idx" ON "data_requests"("candidate_id", "status");
CREATE INDEX "data_requests_status_due_on_idx" ON "data_requests"("status", "due_on");
CREATE INDEX "security_incidents_detected_at_idx" ON "security_incidents"("detected_at" DESC);

ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "security_incidents" ADD CONSTRAINT "security_incidents_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The consent evidence keeps the person's statement "I am 18 or older" (false for consents given before it was
-- asked).
ALTER TABLE "consents" ADD COLUMN "adult_statement" BOOLEAN NOT NULL DEFAULT false;

-- The role that handles requests (lib/staff/roles.ts): reads candidates and runs the register, exports nothing.
ALTER TYPE "staff_role" ADD VALUE IF NOT EXISTS 'privacy';

-- migrate:down
ALTER TABLE "consents" DROP COLUMN IF EXISTS "adult_statement";
DROP TABLE IF EXISTS "security_incidents";
DROP TABLE IF EXISTS "data_requests";
DROP TYPE IF EXISTS "incident_status";
DROP TYPE IF EXISTS "request_status";
DROP TYPE IF EXISTS "request_channel";
DROP TYPE IF EXISTS "request_subject";
DROP TYPE IF EXISTS "request_kind";
-- A value cannot be taken out of an enum: 'privacy' stays in staff_role (unused once no account has it).
