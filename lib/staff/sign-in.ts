import 'server-only';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { routing, type Locale } from '@/lib/i18n/routing';
import { queueMail } from '@/lib/mail/outbox';
import { addressKey, consumeRateLimit, purgeExpiredRateLimits } from '@/lib/security/rate-limit';
import {
  addressWindowMs,
  deviceLifetimeMs,
  failuresBeforeLockout,
  failuresPerAddress,
  lockoutDurationMs,
  passwordCheckLeaseMs,
} from './config';
import { burnPasswordCheck, hashPassword, needsRehash, PasswordWorkBusyError, verifyPassword } from './password';
import { createSession, revokeSessionToken, type SignInStage } from './session';
import { newTotpSecret } from './totp';

export interface SignInContext {
  ipAddress: string | null;
  userAgent: string | null;
  /** The device cookie this browser holds, if any (see `deviceToken` in the result). */
  deviceToken?: string | null;
  /** The language of the page the attempt came from: the lockout mail is written in it. */
  locale?: Locale;
}

/** What the person who was locked out is told by mail (queued with the lock): when, and from where. */
export interface LockoutNotice {
  staffUserId: string;
  email: string;
  name: string;
  lockoutNumber: number;
  lockedUntil: Date;
  /** The failed attempts that led to it, newest first (at most 20). */
  attempts: { at: Date; ipAddress: string | null }[];
}

export type SignInResult =
  | {
      ok: true;
      token: string;
      expiresAt: Date;
      staffUserId: string;
      /** A new device cookie to set (this browser had none for this account), or null to keep the one it has. */
      deviceToken: string | null;
      /** What sign-in still needs (a second factor, a new password, setting up a second factor), or `full`. */
      stage: SignInStage;
    }
  // One answer for a wrong password, an unknown email, a locked or a disabled account, and an attempt made while
  // another check of the same account was running: the page must not tell an attacker which emails are
  // registered. `lockout` is for the server only (the mail to the person), never shown.
  | { ok: false; reason: 'invalid'; lockout?: LockoutNotice }
  // Too many attempts from this client address, whatever the account: says nothing about the email.
  | { ok: false; reason: 'throttled' }
  // More password checks waiting in this process than it queues: try again in a moment.
  | { ok: false; reason: 'busy' };

export function normalizeStaffEmail(email: string): string {
  return email.trim().toLowerCase();
}

const addressPrefix = 'signin:';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const deviceTokenShape = /^[A-Za-z0-9_-]{43}$/;

interface Claim {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  deviceId: string | null;
}

type RefusalReason = 'unknown-account' | 'disabled' | 'locked' | 'check-in-flight';
interface Refusal {
  refused: RefusalReason;
  /** The account, when there is one (to wait for a check in flight). */
  accountId?: string;
  /** Set when this attempt's count locked the account. */
  locked?: LockoutNotice;
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/**
 * With the account's row locked: when its failures in a row reached the limit and no lock runs, lock it (for
 * unknown browsers) for the next duration of the series, and start the count again. The lock, its audit event and
 * the mail that tells the person (when, and from which addresses) are written in this one transaction.
 */
async function lockIfDue(tx: Tx, accountId: string, context: SignInContext): Promise<LockoutNotice | undefined> {
  const [row] = await tx.$queryRaw<{ email: string; name: string; failed_login_count: number; lockout_count: number; locked: boolean }[]>`
    SELECT email, name, failed_login_count, lockout_count, coalesce(locked_until > clock_timestamp(), false) AS locked
      FROM staff_users WHERE id = ${accountId}::uuid FOR UPDATE`;
  if (!row || row.locked || row.failed_login_count < failuresBeforeLockout) return undefined;
  const lockoutNumber = row.lockout_count + 1;
  const [locked] = await tx.$queryRaw<{ locked_until: Date; now: Date }[]>`
    UPDATE staff_users
       SET failed_login_count = 0, lockout_count = ${lockoutNumber},
           locked_until = clock_timestamp() + make_interval(secs => ${lockoutDurationMs(lockoutNumber) / 1000})
     WHERE id = ${accountId}::uuid
    RETURNING locked_until, clock_timestamp() AS now`;
  const earlier = await tx.loginAttempt.findMany({
    where: { email: row.email, success: false, createdAt: { gt: new Date(Date.now() - 24 * 60 * 60_000) } },
    orderBy: { id: 'desc' },
    take: 19,
    select: { createdAt: true, ipAddress: true },
  });
  // This attempt's own row is written after the decision: it heads the list.
  const attempts = [{ at: locked!.now, ipAddress: context.ipAddress }, ...earlier.map((a) => ({ at: a.createdAt, ipAddress: a.ipAddress }))];
  await recordAudit(
    {
      actor: { id: accountId, email: row.email },
      action: 'staff.lockout',
      details: { lockoutNumber, lockedUntil: locked!.locked_until.toISOString() },
      ipAddress: context.ipAddress,
    },
    tx,
  );
  await queueMail(tx, {
    template: 'staff-lockout',
    locale: context.locale ?? routing.defaultLocale,
    recipient: row.email,
    payload: {
      lockedUntil: locked!.locked_until.toISOString(),
      attempts: attempts.map((a) => ({ at: a.at.toISOString(), ipAddress: a.ipAddress })),
    },
  });
  return { staffUserId: accountId, email: row.email, name: row.name, lockoutNumber, lockedUntil: locked!.locked_until, attempts };
}

/**
 * Decides, in one transaction with the account's row locked, whether this attempt gets a password check, and
 * counts it as a failure first, whatever follows (a success takes the count back): the count, the lock and the
 * lease are settled before any password is verified, so concurrent attempts cannot each read a stale count. No
 * check while the account is disabled, or locked and this browser is not one that signed in to it before, or
 * while another check of it is in flight (the lease): such an attempt still counts, and can be the one that locks.
 */
async function claimCheck(email: string, deviceToken: string | null, context: SignInContext): Promise<Claim | Refusal> {
  return db().$transaction(async (tx) => {
    const [account] = await tx.$queryRaw<
      { id: string; email: string; name: string; password_hash: string; disabled: boolean; locked: boolean; busy: boolean }[]
    >`
      SELECT id, email, name, password_hash,
             disabled_at IS NOT NULL AS disabled,
             coalesce(locked_until > clock_timestamp(), false) AS locked,
             coalesce(password_check_until > clock_timestamp(), false) AS busy
        FROM staff_users WHERE email = ${email} FOR UPDATE`;
    if (!account) return { refused: 'unknown-account' };
    if (account.disabled) return { refused: 'disabled' };
    const [device] = deviceToken
      ? await tx.$queryRaw<{ id: string }[]>`
          UPDATE staff_devices SET failed_count = failed_count + 1
           WHERE token_hash = ${tokenHash(deviceToken)} AND staff_user_id = ${account.id}::uuid
             AND last_used_at > clock_timestamp() - make_interval(secs => ${deviceLifetimeMs / 1000})
          RETURNING id`
      : [];
    // A lock already running is not extended by more attempts: it only refuses them.
    if (account.locked && !device) return { refused: 'locked' };
    if (!device) await tx.$executeRaw`UPDATE staff_users SET failed_login_count = failed_login_count + 1 WHERE id = ${account.id}::uuid`;
    if (account.busy) {
      if (device) {
        await tx.$executeRaw`DELETE FROM staff_devices WHERE id = ${device.id}::uuid AND failed_count >= ${failuresBeforeLockout}`;
        return { refused: 'check-in-flight', accountId: account.id };
      }
      return { refused: 'check-in-flight', accountId: account.id, locked: await lockIfDue(tx, account.id, context) };
    }
    await tx.$executeRaw`
      UPDATE staff_users SET password_check_until = clock_timestamp() + make_interval(secs => ${passwordCheckLeaseMs / 1000})
       WHERE id = ${account.id}::uuid`;
    return { id: account.id, email: account.email, name: account.name, passwordHash: account.password_hash, deviceId: device?.id ?? null };
  });
}

/**
 * Check an email and password. Each attempt is decided before the password is verified, in PostgreSQL so every
 * app instance agrees: the client address's count (rate_limits, atomic), then the account (claimCheck). Only
 * then is the password checked, at most once per account at a time and within this process's bound on argon2
 * work (lib/staff/password.ts).
 */
export async function signIn(input: { email: string; password: string }, context: SignInContext): Promise<SignInResult> {
  const email = normalizeStaffEmail(input.email);
  const prisma = db();
  const deviceToken = context.deviceToken && deviceTokenShape.test(context.deviceToken) ? context.deviceToken : null;

  const addressLimit = context.ipAddress
    ? await consumeRateLimit(addressKey(addressPrefix, context.ipAddress), { points: failuresPerAddress, windowSeconds: addressWindowMs / 1000 })
    : null;
  if (addressLimit && !addressLimit.allowed) {
    // Refused before any other work: no password check, no rows but the counter. Audited once per window.
    if (addressLimit.consumed === failuresPerAddress + 1) {
      await recordAudit({ actor: null, actorEmail: email, action: 'staff.sign-in-failed', details: { reason: 'address-throttled' }, ipAddress: context.ipAddress });
    }
    return { ok: false, reason: 'throttled' };
  }

  // Now and then, the counters of windows long over go (their keys are hashed client addresses).
  if (randomInt(100) === 0) await purgeExpiredRateLimits(addressPrefix).catch(() => 0);
  let claim = await claimCheck(email, deviceToken, context);
  // Another check of this account was running: the person's own second submit, or two tabs. This attempt was counted
  // (a burst still locks at once); it waits for that check to end and is decided again, unless the burst locked the
  // account meanwhile, so two honest sign-ins at once both get through.
  if ('refused' in claim && claim.refused === 'check-in-flight' && !claim.locked && (await checkEnds(claim.accountId))) {
    claim = await claimCheck(email, deviceToken, context);
  }
  const attempt = (success: boolean) =>
    prisma.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, success }, select: { id: true } });

  if ('refused' in claim) {
    // As slow as a real check, so the answer's timing does not tell which of these it was.
    try {
      await burnPasswordCheck(input.password);
    } catch (error) {
      if (!(error instanceof PasswordWorkBusyError)) throw error;
    }
    await attempt(false);
    await recordAudit({ actor: null, actorEmail: email, action: 'staff.sign-in-failed', details: { reason: claim.refused }, ipAddress: context.ipAddress });
    return claim.locked ? { ok: false, reason: 'invalid', lockout: claim.locked } : { ok: false, reason: 'invalid' };
  }

  let verified: boolean;
  try {
    verified = await verifyPassword(claim.passwordHash, input.password);
  } catch (error) {
    // Never checked: give the attempt back and free the lease.
    await prisma.$executeRaw`
      UPDATE staff_users SET password_check_until = NULL,
             failed_login_count = greatest(0, failed_login_count - ${claim.deviceId ? 0 : 1})
       WHERE id = ${claim.id}::uuid`;
    if (claim.deviceId) await prisma.$executeRaw`UPDATE staff_devices SET failed_count = greatest(0, failed_count - 1) WHERE id = ${claim.deviceId}::uuid`;
    if (error instanceof PasswordWorkBusyError) return { ok: false, reason: 'busy' };
    throw error;
  }

  if (!verified) {
    // The attempt was counted at claim time; now the lease ends and the count has its effect. A known browser
    // that reached the limit loses its standing (its row goes); an unknown one may lock the account.
    const locked = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE staff_users SET password_check_until = NULL WHERE id = ${claim.id}::uuid`;
      if (claim.deviceId) {
        await tx.$executeRaw`DELETE FROM staff_devices WHERE id = ${claim.deviceId}::uuid AND failed_count >= ${failuresBeforeLockout}`;
        return undefined;
      }
      return lockIfDue(tx, claim.id, context);
    });
    await attempt(false);
    await recordAudit({
      actor: null,
      actorEmail: email,
      action: 'staff.sign-in-failed',
      details: { reason: 'wrong-password', accountId: claim.id, ...(claim.deviceId ? { knownDevice: true } : {}) },
      ipAddress: context.ipAddress,
    });
    return locked ? { ok: false, reason: 'invalid', lockout: locked } : { ok: false, reason: 'invalid' };
  }

  // Parameters raised since this hash was made: upgrade it while the password is at hand.
  const rehashed = needsRehash(claim.passwordHash) ? await hashPassword(input.password).catch(() => null) : null;
  const newDeviceToken = claim.deviceId ? null : randomBytes(32).toString('base64url');
  await prisma.$transaction(async (tx) => {
    // From an unknown browser (only possible while the account is not locked) the series starts again. From the
    // person's own browser only that browser's count does: a lock against unknown browsers stays while it runs,
    // or the person signing in would hand whoever is guessing a fresh set of attempts.
    if (claim.deviceId) {
      await tx.$executeRaw`UPDATE staff_users SET password_check_until = NULL WHERE id = ${claim.id}::uuid`;
      await tx.$executeRaw`UPDATE staff_devices SET failed_count = 0, last_used_at = clock_timestamp() WHERE id = ${claim.deviceId}::uuid`;
    } else {
      await tx.$executeRaw`
        UPDATE staff_users SET password_check_until = NULL, failed_login_count = 0, lockout_count = 0, locked_until = NULL
         WHERE id = ${claim.id}::uuid`;
      await tx.staffDevice.create({ data: { staffUserId: claim.id, tokenHash: tokenHash(newDeviceToken!) }, select: { id: true } });
    }
    if (rehashed) await tx.staffUser.update({ where: { id: claim.id }, data: { passwordHash: rehashed, updatedAt: new Date() }, select: { id: true } });
  });
  if (addressLimit) {
    // A success is not what the address limit counts: give its attempt back.
    await prisma.$executeRaw`UPDATE rate_limits SET points = greatest(0, points - 1) WHERE key = ${addressKey(addressPrefix, context.ipAddress)}`;
  }
  const session = await createSession(claim.id, context);
  // A second factor to set up (STAFF_MFA): its secret is made now, in this post, so the page that shows it only reads.
  if (session.stage === 'enrolment') {
    await prisma.staffUser.update({ where: { id: claim.id }, data: { totpPendingSecret: newTotpSecret() }, select: { id: true } });
  }
  await attempt(true);
  await recordAudit({ actor: { id: claim.id, email: claim.email }, action: 'staff.sign-in', ipAddress: context.ipAddress });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, staffUserId: claim.id, deviceToken: newDeviceToken, stage: session.stage };
}

/** Waits (a few seconds at most) until no password check of the account is running; false if one still is. */
async function checkEnds(accountId: string | undefined): Promise<boolean> {
  if (!accountId) return false;
  for (let waited = 0; waited < checkWaitMs; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [row] = await db().$queryRaw<{ busy: boolean }[]>`
      SELECT coalesce(password_check_until > clock_timestamp(), false) AS busy FROM staff_users WHERE id = ${accountId}::uuid`;
    if (!row?.busy) return true;
  }
  return false;
}
const checkWaitMs = 5_000;

/** Revoke the session behind a token (sign-out). */
export async function signOut(token: string | undefined, context: SignInContext): Promise<void> {
  const revoked = await revokeSessionToken(token);
  if (!revoked) return;
  const account = await db().staffUser.findUnique({ where: { id: revoked.staffUserId }, select: { id: true, email: true } });
  if (account) await recordAudit({ actor: account, action: 'staff.sign-out', ipAddress: context.ipAddress });
}
