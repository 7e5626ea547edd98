import 'server-only';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { addressWindowMs, failuresBeforeLockout, failuresPerAddress, lockoutDurationMs } from './config';
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './password';
import { createSession, revokeSessionToken } from './session';

export interface SignInContext {
  ipAddress: string | null;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; staffUserId: string }
  // One answer for a wrong password, an unknown email, a locked or a disabled account: the page must
  // not tell an attacker which emails are registered.
  | { ok: false; reason: 'invalid' }
  // Too many failures from this client address, whatever the account: says nothing about the email.
  | { ok: false; reason: 'throttled' };

export function normalizeStaffEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Check an email and password. Failures are counted per account (staff_users.failed_login_count: the
 * 5th in a row locks it for lockoutDurationMs(n), growing with each lockout) and per client address
 * (login_attempts), both in PostgreSQL so every app instance sees them.
 */
export async function signIn(input: { email: string; password: string }, context: SignInContext): Promise<SignInResult> {
  const email = normalizeStaffEmail(input.email);
  const prisma = db();

  if (context.ipAddress && (await failuresFromAddress(context.ipAddress)) >= failuresPerAddress) {
    await prisma.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, success: false }, select: { id: true } });
    await recordAudit({ actor: null, actorEmail: email, action: 'staff.sign-in-failed', details: { reason: 'address-throttled' }, ipAddress: context.ipAddress });
    return { ok: false, reason: 'throttled' };
  }

  const account = await prisma.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, lockedUntil: true, disabledAt: true },
  });

  let failure: string | null = null;
  if (!account) failure = 'unknown-account';
  else if (account.disabledAt) failure = 'disabled';
  else if (account.lockedUntil && account.lockedUntil.getTime() > Date.now()) failure = 'locked';

  if (failure || !account) {
    await burnPasswordCheck(input.password);
    await prisma.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, success: false }, select: { id: true } });
    await recordAudit({ actor: null, actorEmail: email, action: 'staff.sign-in-failed', details: { reason: failure ?? 'unknown-account' }, ipAddress: context.ipAddress });
    return { ok: false, reason: 'invalid' };
  }

  if (!(await verifyPassword(account.passwordHash, input.password))) {
    const lockout = await countFailure(account.id);
    await prisma.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, success: false }, select: { id: true } });
    const actor = { id: account.id, email: account.email };
    await recordAudit({ actor: null, actorEmail: email, action: 'staff.sign-in-failed', details: { reason: 'wrong-password', accountId: account.id }, ipAddress: context.ipAddress });
    if (lockout) {
      await recordAudit({
        actor,
        action: 'staff.lockout',
        details: { lockoutNumber: lockout.number, lockedUntil: lockout.until.toISOString() },
        ipAddress: context.ipAddress,
      });
    }
    return { ok: false, reason: 'invalid' };
  }

  await prisma.staffUser.update({
    where: { id: account.id },
    data: {
      failedLoginCount: 0,
      lockoutCount: 0,
      lockedUntil: null,
      // Parameters raised since this hash was made: upgrade it while the password is at hand.
      ...(needsRehash(account.passwordHash) ? { passwordHash: await hashPassword(input.password), updatedAt: new Date() } : {}),
    },
    select: { id: true },
  });
  const session = await createSession(account.id, context);
  await prisma.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, success: true }, select: { id: true } });
  await recordAudit({ actor: { id: account.id, email: account.email }, action: 'staff.sign-in', ipAddress: context.ipAddress });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, staffUserId: account.id };
}

async function failuresFromAddress(ipAddress: string): Promise<number> {
  return db().loginAttempt.count({
    where: { ipAddress, success: false, createdAt: { gt: new Date(Date.now() - addressWindowMs) } },
  });
}

/** One more failure in a row; the 5th locks the account. Row-locked so concurrent attempts count right. */
async function countFailure(staffUserId: string): Promise<{ number: number; until: Date } | null> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ failed_login_count: number; lockout_count: number }[]>`
      SELECT failed_login_count, lockout_count FROM staff_users WHERE id = ${staffUserId}::uuid FOR UPDATE`;
    if (!row) return null;
    const failures = row.failed_login_count + 1;
    if (failures < failuresBeforeLockout) {
      await tx.staffUser.update({ where: { id: staffUserId }, data: { failedLoginCount: failures }, select: { id: true } });
      return null;
    }
    const number = row.lockout_count + 1;
    const until = new Date(Date.now() + lockoutDurationMs(number));
    await tx.staffUser.update({
      where: { id: staffUserId },
      data: { failedLoginCount: 0, lockoutCount: number, lockedUntil: until },
      select: { id: true },
    });
    return { number, until };
  });
}

/** Revoke the session behind a token (sign-out). */
export async function signOut(token: string | undefined, context: SignInContext): Promise<void> {
  const revoked = await revokeSessionToken(token);
  if (!revoked) return;
  const account = await db().staffUser.findUnique({ where: { id: revoked.staffUserId }, select: { id: true, email: true } });
  if (account) await recordAudit({ actor: account, action: 'staff.sign-out', ipAddress: context.ipAddress });
}
