import 'server-only';
import { db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { generatePassword, hashPassword, passwordProblem, PasswordWorkBusyError, verifyPassword } from './password';
import { fieldErrors, ownPasswordChangeSchema, requiredPasswordChangeSchema } from './schemas';
import { authorize, confirmPending, revokeAllSessions, sessionStage, type PendingSignIn, type SignInStage, type Viewer } from './session';

// Changing a password: one's own (the current one asked again, every other session ended), the one someone else
// chose (required at the next sign-in, ASVS V6.2.2/V6.3.3), and an admin giving a member a new one.

type Context = { ipAddress: string | null };
export type PasswordChangeResult =
  | { ok: true; stage: SignInStage | null; sessionsEnded: number }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; busy: true };

async function store(account: { id: string; email: string }, password: string, keepSessionId: string, context: Context) {
  const hash = await hashPassword(password);
  await db().staffUser.update({
    where: { id: account.id },
    data: { passwordHash: hash, passwordChangeRequired: false, passwordChangedAt: new Date(), updatedAt: new Date() },
    select: { id: true },
  });
  // Whoever else was signed in as this person (a stolen password's session) is out.
  const ended = await revokeAllSessions(account.id, keepSessionId);
  await recordAudit({ actor: account, action: 'staff.password-change', details: { sessionsEnded: ended }, ipAddress: context.ipAddress });
  return ended;
}

function problems(password: string, confirm: string, email: string): Record<string, string> | null {
  const problem = passwordProblem(password, { email });
  if (problem) return { password: `password.${problem}` };
  if (password !== confirm) return { confirm: 'passwordMismatch' };
  return null;
}

async function currentHash(staffUserId: string): Promise<string | null> {
  const row = await db().staffUser.findUnique({ where: { id: staffUserId }, select: { passwordHash: true } });
  return row?.passwordHash ?? null;
}

export async function changeOwnPassword(viewer: Viewer, input: unknown, context: Context): Promise<PasswordChangeResult> {
  const actor = await authorize(viewer, 'account:own');
  const parsed = ownPasswordChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  try {
    const hash = await currentHash(actor.id);
    if (!hash || !(await verifyPassword(hash, parsed.data.current))) return { ok: false, errors: { current: 'currentPasswordWrong' } };
    const found = problems(parsed.data.password, parsed.data.confirm, actor.email);
    if (found) return { ok: false, errors: found };
    if (await verifyPassword(hash, parsed.data.password)) return { ok: false, errors: { password: 'password.same' } };
    const ended = await store(actor, parsed.data.password, actor.sessionId, context);
    return { ok: true, stage: 'full', sessionsEnded: ended };
  } catch (error) {
    if (error instanceof PasswordWorkBusyError) return { ok: false, busy: true };
    throw error;
  }
}

/** The sign-in step for a password someone else chose: a new one, not the same. */
export async function completeRequiredPasswordChange(pending: PendingSignIn, input: unknown, context: Context): Promise<PasswordChangeResult> {
  await confirmPending(pending, 'password-change');
  const parsed = requiredPasswordChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const found = problems(parsed.data.password, parsed.data.confirm, pending.email);
  if (found) return { ok: false, errors: found };
  try {
    const hash = await currentHash(pending.staffUserId);
    if (hash && (await verifyPassword(hash, parsed.data.password))) return { ok: false, errors: { password: 'password.same' } };
    const ended = await store({ id: pending.staffUserId, email: pending.email }, parsed.data.password, pending.sessionId, context);
    return { ok: true, stage: await sessionStage(pending.sessionId), sessionsEnded: ended };
  } catch (error) {
    if (error instanceof PasswordWorkBusyError) return { ok: false, busy: true };
    throw error;
  }
}

/**
 * An admin gives a member a new password (forgotten): generated, shown once to the admin, changed by the member at
 * the next sign-in; the member's sessions end.
 */
export async function resetStaffPassword(
  viewer: Viewer,
  accountId: string,
  context: Context,
): Promise<{ ok: true; email: string; password: string } | { ok: false; error: 'self' | 'notFound' }> {
  const actor = await authorize(viewer, 'staff:manage');
  if (accountId === actor.id) return { ok: false, error: 'self' };
  const target = await db().staffUser.findUnique({ where: { id: accountId }, select: { id: true, email: true } });
  if (!target) return { ok: false, error: 'notFound' };
  const password = generatePassword();
  await db().staffUser.update({
    where: { id: accountId },
    data: { passwordHash: await hashPassword(password), passwordChangeRequired: true, updatedAt: new Date() },
    select: { id: true },
  });
  const ended = await revokeAllSessions(accountId);
  await recordAudit({ actor, action: 'staff.password-reset', details: { accountId, email: target.email, sessionsEnded: ended }, ipAddress: context.ipAddress });
  return { ok: true, email: target.email, password };
}
