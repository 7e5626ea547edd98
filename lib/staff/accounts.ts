import 'server-only';
import { db } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { generatePassword, hashPassword, passwordProblem, type PasswordProblem } from './password';
import { staffAccountSchema, fieldErrors, type StaffAccountInput } from './schemas';
import { authorize, revokeAllSessions, type Actor, type Viewer } from './session';
import { normalizeStaffEmail } from './sign-in';
import { idleTimeoutMs } from './config';
import type { StaffRole } from './roles';

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabledAt: Date | null;
  /** Set only while a lockout is running. */
  lockedUntil: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export type CreateAccountResult =
  | { ok: true; id: string; email: string; generatedPassword: string | null }
  | { ok: false; errors: Record<string, string> };

function passwordErrorKey(problem: PasswordProblem): string {
  return `password.${problem}`;
}

async function insertAccount(
  input: StaffAccountInput,
  audit: { actor: { id: string; email: string } | null; via: string; ipAddress: string | null },
  /** The password was chosen by someone other than the person (an admin, the seed): changed at the next sign-in. */
  mustChangePassword: boolean,
): Promise<CreateAccountResult> {
  const parsed = staffAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const email = normalizeStaffEmail(parsed.data.email);
  const generated = parsed.data.password === '' ? generatePassword() : null;
  const password = generated ?? parsed.data.password;
  const problem = passwordProblem(password, { email });
  if (problem) return { ok: false, errors: { password: passwordErrorKey(problem) } };
  const prisma = db();
  if (await prisma.staffUser.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, errors: { email: 'emailTaken' } };
  }
  const created = await prisma.staffUser
    .create({
      data: { email, name: parsed.data.name, role: parsed.data.role, passwordHash: await hashPassword(password), passwordChangeRequired: mustChangePassword },
      select: { id: true },
    })
    .catch((error: { code?: string }) => {
      if (error?.code === 'P2002') return null; // created meanwhile by someone else
      throw error;
    });
  if (!created) return { ok: false, errors: { email: 'emailTaken' } };
  await recordAudit({
    actor: audit.actor,
    action: 'staff.create',
    details: { accountId: created.id, email, role: parsed.data.role, via: audit.via },
    ipAddress: audit.ipAddress,
  });
  return { ok: true, id: created.id, email, generatedPassword: generated };
}

/**
 * For people who run the server (the `staff:create` command and the first-run seed): they already hold
 * the database, so no session is asked for. Audited with `via`. The first-run seed's password is printed to a
 * terminal, so it must be changed at the first sign-in; an operator creating an account with the command sets
 * a password they chose (`mustChangePassword` when it is for someone else).
 */
export function createStaffAccountAsOperator(input: StaffAccountInput, via: 'cli' | 'seed' | 'e2e-seed', options: { mustChangePassword?: boolean } = {}) {
  return insertAccount(input, { actor: null, via, ipAddress: null }, options.mustChangePassword ?? via === 'seed');
}

export async function createStaffAccount(
  viewer: Viewer,
  input: StaffAccountInput,
  context: { ipAddress: string | null },
): Promise<CreateAccountResult> {
  const actor = await authorize(viewer, 'staff:manage');
  // The admin chose (or was shown) the password: the person replaces it at the first sign-in.
  return insertAccount(input, { actor, via: 'back-office', ipAddress: context.ipAddress }, true);
}

// What the accounts list shows of each account (and a member's page, with more): the latest session is the last sign-in.
const accountColumns = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  lockedUntil: true,
  createdAt: true,
  sessions: { select: { createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} as const;

export async function listStaffAccounts(viewer: Viewer): Promise<StaffAccount[]> {
  await authorize(viewer, 'staff:manage');
  const rows = await db().staffUser.findMany({
    orderBy: [{ disabledAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }],
    select: accountColumns,
  });
  const now = Date.now();
  return rows.map(({ sessions, ...row }) => ({
    ...row,
    role: row.role as StaffRole,
    // Only a lock still running is worth showing.
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > now ? row.lockedUntil : null,
    lastSignInAt: sessions[0]?.createdAt ?? null,
  }));
}

export type AccountChangeResult = { ok: true } | { ok: false; error: 'self' | 'notFound' };
type Context = { ipAddress: string | null };

/** Disabling ends every session of the account at once; enabling also lifts a lockout. */
/**
 * The admin changing someone else's account, or why not: an admin cannot lock themselves out (there is always at
 * least the one doing the change), and an id that is not a UUID names no one.
 */
async function managing(viewer: Viewer, accountId: string): Promise<{ actor: Actor } | { ok: false; error: 'self' | 'notFound' }> {
  const actor = await authorize(viewer, 'staff:manage');
  if (accountId === actor.id) return { ok: false, error: 'self' };
  if (!isUuid(accountId)) return { ok: false, error: 'notFound' };
  return { actor };
}

export async function setStaffDisabled(viewer: Viewer, accountId: string, disabled: boolean, context: Context): Promise<AccountChangeResult> {
  const allowed = await managing(viewer, accountId);
  if (!('actor' in allowed)) return allowed;
  const { actor } = allowed;
  const target = await db().staffUser.findUnique({ where: { id: accountId }, select: { id: true, email: true } });
  if (!target) return { ok: false, error: 'notFound' };
  await db().staffUser.update({
    where: { id: accountId },
    data: disabled
      ? { disabledAt: new Date(), updatedAt: new Date() }
      : { disabledAt: null, failedLoginCount: 0, lockoutCount: 0, lockedUntil: null, updatedAt: new Date() },
    select: { id: true },
  });
  const revoked = disabled ? await revokeAllSessions(accountId) : 0;
  await recordAudit({
    actor,
    action: disabled ? 'staff.disable' : 'staff.enable',
    details: disabled ? { accountId, email: target.email, sessionsRevoked: revoked } : { accountId, email: target.email },
    ipAddress: context.ipAddress,
  });
  return { ok: true };
}

/** Lifts a lockout at once (the person asked, or the attempts were an attack that has stopped). */
export async function unlockStaffAccount(viewer: Viewer, accountId: string, context: Context): Promise<AccountChangeResult> {
  const actor = await authorize(viewer, 'staff:manage');
  if (!isUuid(accountId)) return { ok: false, error: 'notFound' };
  const target = await db().staffUser.findUnique({ where: { id: accountId }, select: { id: true, email: true } });
  if (!target) return { ok: false, error: 'notFound' };
  await db().staffUser.update({
    where: { id: accountId },
    data: { failedLoginCount: 0, lockoutCount: 0, lockedUntil: null, updatedAt: new Date() },
    select: { id: true },
  });
  await recordAudit({ actor, action: 'staff.unlock', details: { accountId, email: target.email }, ipAddress: context.ipAddress });
  return { ok: true };
}

export async function changeStaffRole(viewer: Viewer, accountId: string, role: StaffRole, context: Context): Promise<AccountChangeResult> {
  const allowed = await managing(viewer, accountId);
  if (!('actor' in allowed)) return allowed;
  const { actor } = allowed;
  const target = await db().staffUser.findUnique({ where: { id: accountId }, select: { id: true, email: true, role: true } });
  if (!target) return { ok: false, error: 'notFound' };
  if (target.role === role) return { ok: true };
  await db().staffUser.update({ where: { id: accountId }, data: { role, updatedAt: new Date() }, select: { id: true } });
  await recordAudit({
    actor,
    action: 'staff.role-change',
    details: { accountId, email: target.email, from: target.role, to: role },
    ipAddress: context.ipAddress,
  });
  return { ok: true };
}

export interface StaffMember extends StaffAccount {
  secondFactorEnabledAt: Date | null;
  passwordChangeRequired: boolean;
}

export async function getStaffMember(viewer: Viewer, accountId: string): Promise<StaffMember | null> {
  await authorize(viewer, 'staff:manage');
  if (!isUuid(accountId)) return null;
  const row = await db().staffUser.findUnique({
    where: { id: accountId },
    select: { ...accountColumns, totpEnabledAt: true, passwordChangeRequired: true },
  });
  if (!row) return null;
  const { sessions, totpEnabledAt, ...rest } = row;
  return {
    ...rest,
    role: rest.role as StaffRole,
    lockedUntil: rest.lockedUntil && rest.lockedUntil.getTime() > Date.now() ? rest.lockedUntil : null,
    lastSignInAt: sessions[0]?.createdAt ?? null,
    secondFactorEnabledAt: totpEnabledAt,
  };
}

export interface MemberSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  ipAddress: string | null;
  userAgent: string | null;
  /** Not ended, not past its lifetime, not idle too long. */
  open: boolean;
}

/** A member's sessions, newest first (the last 50): where and when they signed in, and which are still open. */
export async function listMemberSessions(viewer: Viewer, accountId: string): Promise<MemberSession[]> {
  await authorize(viewer, 'staff:manage');
  if (!isUuid(accountId)) return [];
  const rows = await db().staffSession.findMany({
    where: { staffUserId: accountId },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, ipAddress: true, userAgent: true },
  });
  const now = Date.now();
  return rows.map((row) => ({
    ...row,
    open: !row.revokedAt && row.expiresAt.getTime() > now && row.lastSeenAt.getTime() + idleTimeoutMs() > now,
  }));
}

/** An admin ends one of a member's sessions, or all of them (`sessionId` null). */
export async function revokeMemberSessions(
  viewer: Viewer,
  accountId: string,
  sessionId: string | null,
  context: { ipAddress: string | null },
): Promise<{ ok: true; ended: number } | { ok: false; error: 'notFound' }> {
  const actor = await authorize(viewer, 'staff:manage');
  const target = await db().staffUser.findUnique({ where: { id: accountId }, select: { id: true, email: true } });
  if (!target) return { ok: false, error: 'notFound' };
  const { count } = await db().staffSession.updateMany({
    where: { staffUserId: accountId, revokedAt: null, ...(sessionId ? { id: sessionId } : {}) },
    data: { revokedAt: new Date() },
  });
  await recordAudit({
    actor,
    action: 'staff.session-revoke',
    details: { accountId, email: target.email, sessionsEnded: count, ...(sessionId ? { sessionId } : { all: true }) },
    ipAddress: context.ipAddress,
  });
  return { ok: true, ended: count };
}
