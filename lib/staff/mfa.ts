import 'server-only';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { authorize, confirmPending, sessionStage, type PendingSignIn, type SignInStage, type Viewer } from './session';
import { looksLikeRecoveryCode, newRecoveryCode, newTotpSecret, recoveryCodeCount, recoveryCodeHash, totpStep } from './totp';

// The second factor: TOTP codes (RFC 6238) with single-use recovery codes. Setting it up, using it at sign-in,
// making new recovery codes, and an admin clearing it for someone who lost their phone.

/** Wrong codes one unfinished sign-in may try before it ends (the password must be given again). */
export const codeAttemptsPerSignIn = 5;

type Context = { ipAddress: string | null };

/** The secret being set up for this account, if one is (read-only: for rendering the QR code). */
export async function pendingTotpSecret(staffUserId: string): Promise<string | null> {
  const row = await db().staffUser.findUnique({ where: { id: staffUserId }, select: { totpPendingSecret: true } });
  return row?.totpPendingSecret ?? null;
}

/** Starts setting up a second factor: a new secret to show, kept apart from the one in use until confirmed. */
async function beginEnrolment(staffUserId: string): Promise<void> {
  await db().staffUser.update({ where: { id: staffUserId }, data: { totpPendingSecret: newTotpSecret() }, select: { id: true } });
}

/** The step of sign-in that sets up the second factor, for a session that must (STAFF_MFA): a fresh secret. */
export async function beginEnrolmentAtSignIn(pending: PendingSignIn): Promise<void> {
  await confirmPending(pending, 'enrolment');
  await beginEnrolment(pending.staffUserId);
}

/** From the account page. Replaces a secret being set up, never the one in use (until the new one is confirmed). */
export async function beginEnrolmentForSelf(viewer: Viewer): Promise<void> {
  const actor = await authorize(viewer, 'account:own');
  await beginEnrolment(actor.id);
}

export type EnrolmentResult = { ok: true; recoveryCodes: string[]; stage: SignInStage | null } | { ok: false; error: 'codeInvalid' | 'noPendingSecret' };

async function confirmEnrolment(
  who: { staffUserId: string; email: string; sessionId: string },
  code: string,
  context: Context,
  /** At sign-in, the session then waits until the person says they kept the recovery codes. */
  atSignIn: boolean,
): Promise<EnrolmentResult> {
  const secret = await pendingTotpSecret(who.staffUserId);
  if (!secret) return { ok: false, error: 'noPendingSecret' };
  const step = totpStep(secret, code);
  if (step === null) return { ok: false, error: 'codeInvalid' };
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const confirmed = await db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE staff_users
         SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = clock_timestamp(),
             totp_last_step = ${step}, updated_at = clock_timestamp()
       WHERE id = ${who.staffUserId}::uuid AND totp_pending_secret = ${secret}`;
    if (updated !== 1) return false;
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: who.staffUserId } });
    await tx.staffRecoveryCode.createMany({ data: codes.map((c) => ({ staffUserId: who.staffUserId, codeHash: recoveryCodeHash(c) })) });
    // This session has just shown the second factor.
    await tx.staffSession.update({ where: { id: who.sessionId }, data: { secondFactorAt: new Date(), recoveryCodesPending: atSignIn }, select: { id: true } });
    await recordAudit({ actor: { id: who.staffUserId, email: who.email }, action: 'staff.mfa-enrol', ipAddress: context.ipAddress }, tx);
    return true;
  });
  if (!confirmed) return { ok: false, error: 'noPendingSecret' };
  return { ok: true, recoveryCodes: codes, stage: await sessionStage(who.sessionId) };
}

export async function confirmEnrolmentAtSignIn(pending: PendingSignIn, code: string, context: Context): Promise<EnrolmentResult> {
  await confirmPending(pending, 'enrolment');
  return confirmEnrolment({ staffUserId: pending.staffUserId, email: pending.email, sessionId: pending.sessionId }, code, context, true);
}

/** The person kept the recovery codes shown when the second factor was set up: sign-in goes on. */
export async function acknowledgeRecoveryCodes(pending: PendingSignIn): Promise<SignInStage | null> {
  await confirmPending(pending, 'recovery-codes');
  await db().staffSession.update({ where: { id: pending.sessionId }, data: { recoveryCodesPending: false }, select: { id: true } });
  return sessionStage(pending.sessionId);
}

export async function confirmEnrolmentForSelf(viewer: Viewer, code: string, context: Context): Promise<EnrolmentResult> {
  const actor = await authorize(viewer, 'account:own');
  return confirmEnrolment({ staffUserId: actor.id, email: actor.email, sessionId: actor.sessionId }, code, context, false);
}

export type SecondFactorResult =
  | { ok: true; stage: SignInStage | null; usedRecoveryCode: boolean }
  | { ok: false; error: 'codeInvalid' | 'tooManyCodes' };

/**
 * The second step of signing in: a TOTP code (each good once: its time step must be later than the last one used)
 * or a recovery code (each good once). After `codeAttemptsPerSignIn` wrong ones the unfinished session ends.
 */
export async function verifySecondFactor(pending: PendingSignIn, code: string, context: Context): Promise<SecondFactorResult> {
  await confirmPending(pending, 'second-factor');
  const actor = { id: pending.staffUserId, email: pending.email };
  let usedRecoveryCode = false;
  let ok = false;
  if (looksLikeRecoveryCode(code)) {
    const used = await db().$executeRaw`
      UPDATE staff_recovery_codes SET used_at = clock_timestamp()
       WHERE staff_user_id = ${pending.staffUserId}::uuid AND code_hash = ${recoveryCodeHash(code)} AND used_at IS NULL`;
    ok = usedRecoveryCode = used === 1;
  } else {
    const account = await db().staffUser.findUnique({ where: { id: pending.staffUserId }, select: { totpSecret: true } });
    const step = account?.totpSecret ? totpStep(account.totpSecret, code) : null;
    if (step !== null) {
      // Atomic: of two sign-ins racing with one code, one wins.
      const claimed = await db().$executeRaw`
        UPDATE staff_users SET totp_last_step = ${step}
         WHERE id = ${pending.staffUserId}::uuid AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
      ok = claimed === 1;
    }
  }
  if (!ok) {
    const [row] = await db().$queryRaw<{ factor_failures: number }[]>`
      UPDATE staff_sessions SET factor_failures = factor_failures + 1 WHERE id = ${pending.sessionId}::uuid RETURNING factor_failures`;
    const ended = (row?.factor_failures ?? codeAttemptsPerSignIn) >= codeAttemptsPerSignIn;
    if (ended) await db().staffSession.update({ where: { id: pending.sessionId }, data: { revokedAt: new Date() }, select: { id: true } });
    await recordAudit({ actor, action: 'staff.second-factor-failed', details: { sessionEnded: ended }, ipAddress: context.ipAddress });
    return { ok: false, error: ended ? 'tooManyCodes' : 'codeInvalid' };
  }
  await db().staffSession.update({ where: { id: pending.sessionId }, data: { secondFactorAt: new Date() }, select: { id: true } });
  const remaining = usedRecoveryCode ? await db().staffRecoveryCode.count({ where: { staffUserId: pending.staffUserId, usedAt: null } }) : undefined;
  await recordAudit({
    actor,
    action: 'staff.second-factor',
    details: usedRecoveryCode ? { method: 'recovery-code', recoveryCodesLeft: remaining! } : { method: 'totp' },
    ipAddress: context.ipAddress,
  });
  return { ok: true, stage: await sessionStage(pending.sessionId), usedRecoveryCode };
}

export interface SecondFactorStatus {
  enabledAt: Date | null;
  settingUp: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(viewer: Viewer): Promise<SecondFactorStatus> {
  const actor = await authorize(viewer, 'account:own');
  const row = await db().staffUser.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true, totpPendingSecret: true } });
  const left = await db().staffRecoveryCode.count({ where: { staffUserId: actor.id, usedAt: null } });
  return { enabledAt: row?.totpEnabledAt ?? null, settingUp: Boolean(row?.totpPendingSecret), recoveryCodesLeft: left };
}

/** New recovery codes for one's own account (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(viewer: Viewer, context: Context): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; error: 'notEnabled' }> {
  const actor = await authorize(viewer, 'account:own');
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  const done = await db().$transaction(async (tx) => {
    const account = await tx.staffUser.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (!account?.totpEnabledAt) return false;
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: actor.id } });
    await tx.staffRecoveryCode.createMany({ data: codes.map((c) => ({ staffUserId: actor.id, codeHash: recoveryCodeHash(c) })) });
    await recordAudit({ actor, action: 'staff.recovery-codes', ipAddress: context.ipAddress }, tx);
    return true;
  });
  return done ? { ok: true, recoveryCodes: codes } : { ok: false, error: 'notEnabled' };
}

/**
 * An admin clears a member's second factor (a lost phone and no recovery code): their sessions end, and at the next
 * sign-in they set up a new one where STAFF_MFA asks for it.
 */
export async function resetSecondFactor(viewer: Viewer, accountId: string, context: Context): Promise<{ ok: true } | { ok: false; error: 'self' | 'notFound' }> {
  const actor = await authorize(viewer, 'staff:manage');
  if (accountId === actor.id) return { ok: false, error: 'self' };
  const target = await db().staffUser.findUnique({ where: { id: accountId }, select: { id: true, email: true } });
  if (!target) return { ok: false, error: 'notFound' };
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: accountId },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() },
      select: { id: true },
    });
    await tx.staffRecoveryCode.deleteMany({ where: { staffUserId: accountId } });
    await tx.staffSession.updateMany({ where: { staffUserId: accountId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit({ actor, action: 'staff.mfa-reset', details: { accountId, email: target.email }, ipAddress: context.ipAddress }, tx);
  });
  return { ok: true };
}
