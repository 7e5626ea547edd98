-- migrate:up
-- Staff authentication to ASVS level 2 (lib/staff/mfa.ts, lib/staff/session.ts).
-- TOTP (RFC 6238): the shared secret once confirmed, the one being set up, and the last time step used (a code
-- is good once). A password an admin (or the first-run seed) set must be changed at the next sign-in.
ALTER TABLE "staff_users"
  ADD COLUMN "totp_secret" TEXT,
  ADD COLUMN "totp_pending_secret" TEXT,
  ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
  ADD COLUMN "totp_last_step" BIGINT,
  ADD COLUMN "password_change_required" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "password_changed_at" TIMESTAMPTZ(3);

-- A session is good for the staff pages only once every step of sign-in is done (lib/staff/session.ts: a second
-- factor when the account has one, a password someone else chose changed, a second factor set up where the
-- policy asks for one). When the second factor was given, and how many wrong codes were tried on this session.
-- `recovery_codes_pending`: the second factor was just set up at sign-in and its recovery codes shown; the session
-- waits for the person to say they kept them.
ALTER TABLE "staff_sessions"
  ADD COLUMN "second_factor_at" TIMESTAMPTZ(3),
  ADD COLUMN "factor_failures" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "recovery_codes_pending" BOOLEAN NOT NULL DEFAULT false;

-- Recovery codes: only their SHA-256 (each has 120 random bits, so a plain hash is enough: ASVS V6.5.2), each
-- good once.
CREATE TABLE "staff_recovery_codes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "staff_user_id" UUID NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_recovery_codes_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_recovery_codes_code_hash_key" ON "staff_recovery_codes"("code_hash");
CREATE INDEX "staff_recovery_codes_staff_user_id_idx" ON "staff_recovery_codes"("staff_user_id");
ALTER TABLE "staff_recovery_codes" ADD CONSTRAINT "staff_recovery_codes_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
DROP TABLE IF EXISTS "staff_recovery_codes";
ALTER TABLE "staff_sessions" DROP COLUMN IF EXISTS "recovery_codes_pending", DROP COLUMN IF EXISTS "factor_failures", DROP COLUMN IF EXISTS "second_factor_at";
ALTER TABLE "staff_users" DROP COLUMN IF EXISTS "password_changed_at", DROP COLUMN IF EXISTS "password_change_required",
  DROP COLUMN IF EXISTS "totp_last_step", DROP COLUMN IF EXISTS "totp_enabled_at", DROP COLUMN IF EXISTS "totp_pending_secret",
  DROP COLUMN IF EXISTS "totp_secret";
