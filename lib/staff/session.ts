import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { db } from '@/lib/db/client';
import { absoluteTimeoutMs, idleTimeoutMs, touchIntervalMs } from './config';
import { sessionCookieName } from './cookie';
import { can, isStaffRole, type Permission, type StaffRole } from './roles';
import { secondFactorRequired } from './totp';

// Who is asking. A `Viewer` can only come from `verifySessionToken` (a live session in PostgreSQL); every
// function that reads personal data takes one and calls `authorize` first, which checks again — against
// the database, not the object — that the session is live and the role allows the action.

declare const viewerBrand: unique symbol;

export interface Viewer {
  readonly sessionId: string;
  readonly staffUserId: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  /** Only this module can make a value of this type; a cast is caught at run time by `authorize`. */
  readonly [viewerBrand]: true;
}

/** The staff member an action is authorized for, as the database says right now. */
export interface Actor {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly sessionId: string;
}

// Viewers this process issued from a verified session. An object literal or a copy is not in here.
const issued = new WeakSet<object>();

export class UnauthorizedError extends Error {
  constructor() {
    super('A live staff session is required');
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`This role may not ${permission}`);
    this.name = 'ForbiddenError';
  }
}

/** 256 random bits, URL-safe. The cookie holds this; the database holds only its SHA-256. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  secondFactorAt: Date | null;
  recoveryCodesPending: boolean;
  staffUser: {
    id: string;
    email: string;
    name: string;
    role: string;
    disabledAt: Date | null;
    totpEnabledAt: Date | null;
    passwordChangeRequired: boolean;
  };
}

/**
 * What sign-in still needs before a session is good for the staff pages, in this order: the second factor (the
 * account has one and this session has not given it), a new password (someone else chose the current one), a
 * second factor to set up (STAFF_MFA asks for one for this role). Worked out from the account as it is now, so a
 * change (a promotion to admin, a password reset) applies to live sessions at once.
 */
export type SignInStage = 'second-factor' | 'password-change' | 'enrolment' | 'recovery-codes' | 'full';

function stageOf(row: SessionRow): SignInStage {
  const account = row.staffUser;
  if (account.totpEnabledAt && !row.secondFactorAt) return 'second-factor';
  if (row.recoveryCodesPending) return 'recovery-codes';
  if (account.passwordChangeRequired) return 'password-change';
  if (!account.totpEnabledAt && isStaffRole(account.role) && secondFactorRequired(account.role)) return 'enrolment';
  return 'full';
}

/** A session that has not finished signing in is good for these steps for this long only. */
const unfinishedLifetimeMs = 10 * 60_000;

function isLive(row: SessionRow, now: number): boolean {
  return (
    row.revokedAt === null &&
    row.staffUser.disabledAt === null &&
    row.expiresAt.getTime() > now &&
    row.lastSeenAt.getTime() + idleTimeoutMs() > now &&
    (stageOf(row) === 'full' || row.createdAt.getTime() + unfinishedLifetimeMs > now)
  );
}

const sessionSelect = {
  id: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  revokedAt: true,
  secondFactorAt: true,
  recoveryCodesPending: true,
  staffUser: { select: { id: true, email: true, name: true, role: true, disabledAt: true, totpEnabledAt: true, passwordChangeRequired: true } },
} as const;

/**
 * Start a session for an account that just gave its password (sign-in's first step). Only sign-in calls this. What
 * else sign-in needs before the session is good for the staff pages (`stage`) follows from the account.
 */
export async function createSession(
  staffUserId: string,
  context: { ipAddress: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date; stage: SignInStage }> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + absoluteTimeoutMs());
  const created = await db().staffSession.create({
    data: {
      tokenHash: hashSessionToken(token),
      staffUserId,
      expiresAt,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
    },
    select: sessionSelect,
  });
  return { token, expiresAt, stage: stageOf(created) };
}

/** The viewer for a session token, or null when the token is unknown, revoked, expired or idle too long. */
export async function verifySessionToken(token: string | undefined | null): Promise<Viewer | null> {
  if (!token || !tokenShape.test(token)) return null;
  const row = await db().staffSession.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: sessionSelect,
  });
  const now = Date.now();
  if (!row || !isLive(row, now) || !isStaffRole(row.staffUser.role) || stageOf(row) !== 'full') return null;
  if (now - row.lastSeenAt.getTime() > touchIntervalMs) {
    await db().staffSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now) }, select: { id: true } });
  }
  const viewer = Object.freeze({
    sessionId: row.id,
    staffUserId: row.staffUser.id,
    email: row.staffUser.email,
    name: row.staffUser.name,
    role: row.staffUser.role,
  }) as Viewer;
  issued.add(viewer);
  return viewer;
}

/**
 * The gate in front of every staff data function: throws UnauthorizedError unless `viewer` was issued
 * from a session that is still live in the database, and ForbiddenError unless the account's current
 * role (re-read, so a demotion or a disabling applies at once) grants `permission`.
 */
export async function authorize(viewer: Viewer, permission: Permission): Promise<Actor> {
  if (typeof viewer !== 'object' || viewer === null || !issued.has(viewer)) throw new UnauthorizedError();
  const row = await db().staffSession.findUnique({ where: { id: viewer.sessionId }, select: sessionSelect });
  if (!row || !isLive(row, Date.now()) || !isStaffRole(row.staffUser.role) || stageOf(row) !== 'full') throw new UnauthorizedError();
  const role = row.staffUser.role;
  if (!can(role, permission)) throw new ForbiddenError(permission);
  return { id: row.staffUser.id, email: row.staffUser.email, name: row.staffUser.name, role, sessionId: row.id };
}

/** Whether the viewer's role allows something, for deciding what a page shows (not a security check). */
export function viewerCan(viewer: Viewer, permission: Permission): boolean {
  return can(viewer.role, permission);
}

export async function revokeSessionToken(token: string | undefined | null): Promise<{ staffUserId: string } | null> {
  if (!token || !tokenShape.test(token)) return null;
  const row = await db().staffSession.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: { id: true, staffUserId: true, revokedAt: true },
  });
  if (!row) return null;
  if (!row.revokedAt) {
    await db().staffSession.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: { id: true } });
  }
  return { staffUserId: row.staffUserId };
}

/** End every session of an account (disabling it), but `except` (the one changing its own password). */
export async function revokeAllSessions(staffUserId: string, except?: string): Promise<number> {
  const { count } = await db().staffSession.updateMany({
    where: { staffUserId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

declare const pendingBrand: unique symbol;

/** A session part way through signing in: who, and which step is next. Only this module makes one. */
export interface PendingSignIn {
  readonly sessionId: string;
  readonly staffUserId: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly stage: Exclude<SignInStage, 'full'>;
  readonly [pendingBrand]: true;
}
const issuedPending = new WeakSet<object>();

/** The unfinished sign-in behind a session token, or null (no session, over, or already finished). */
export async function pendingSignInFor(token: string | undefined | null): Promise<PendingSignIn | null> {
  if (!token || !tokenShape.test(token)) return null;
  const row = await db().staffSession.findUnique({ where: { tokenHash: hashSessionToken(token) }, select: sessionSelect });
  if (!row || !isLive(row, Date.now()) || !isStaffRole(row.staffUser.role)) return null;
  const stage = stageOf(row);
  if (stage === 'full') return null;
  const pending = Object.freeze({
    sessionId: row.id,
    staffUserId: row.staffUser.id,
    email: row.staffUser.email,
    name: row.staffUser.name,
    role: row.staffUser.role,
    stage,
  }) as PendingSignIn;
  issuedPending.add(pending);
  return pending;
}

/**
 * Re-reads an unfinished sign-in from the database before a step acts on it: throws UnauthorizedError unless it
 * was issued here, is still live and is still at `stage`.
 */
export async function confirmPending(pending: PendingSignIn, stage: PendingSignIn['stage']): Promise<PendingSignIn> {
  if (typeof pending !== 'object' || pending === null || !issuedPending.has(pending)) throw new UnauthorizedError();
  const row = await db().staffSession.findUnique({ where: { id: pending.sessionId }, select: sessionSelect });
  if (!row || !isLive(row, Date.now()) || stageOf(row) !== stage) throw new UnauthorizedError();
  return pending;
}

/** The stage a session is at now (after a step completed), or null when it is over. */
export async function sessionStage(sessionId: string): Promise<SignInStage | null> {
  const row = await db().staffSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
  return row && isLive(row, Date.now()) ? stageOf(row) : null;
}

/** The unfinished sign-in of the current request (the sign-in page), from the session cookie. */
export const currentPendingSignIn = cache(async (): Promise<PendingSignIn | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pendingSignInFor(cookieStore.get(sessionCookieName(headerList))?.value);
});

/** The viewer of the current request (pages, server actions), from the session cookie. Once per request. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return verifySessionToken(cookieStore.get(sessionCookieName(headerList))?.value);
});
