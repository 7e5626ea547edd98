-- migrate:up
-- Sign-in decided before the password is checked (lib/staff/sign-in.ts). `password_check_until` is a lease: while
-- it runs, one password check of this account is in flight and every other attempt is refused without one, so a
-- burst of concurrent guesses gets one check, not one each.
ALTER TABLE "staff_users" ADD COLUMN "password_check_until" TIMESTAMPTZ(3);

-- Browsers that signed in to an account before (OWASP's "device cookie"): the cookie holds a random token, this
-- table its SHA-256. A lockout stops unknown clients only; a known browser has its own count of failures, and
-- loses its standing when that runs out. So someone guessing a person's password slows down everyone but the
-- person.
CREATE TABLE "staff_devices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_devices_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_devices_token_hash_key" ON "staff_devices"("token_hash");
CREATE INDEX "staff_devices_staff_user_id_idx" ON "staff_devices"("staff_user_id");
ALTER TABLE "staff_devices" ADD CONSTRAINT "staff_devices_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- migrate:down
DROP TABLE IF EXISTS "staff_devices";
ALTER TABLE "staff_users" DROP COLUMN IF EXISTS "password_check_until";
