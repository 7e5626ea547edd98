import 'server-only';
import { cookies, headers } from 'next/headers';
import { db, Prisma } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { recordAudit } from '@/lib/audit/record';
import { isSecureCookieContext } from '@/lib/staff/cookie';
import { hashToken, isTokenShaped, issueToken } from '@/lib/security/tokens';
import type { LinkState } from '@/lib/candidates/confirm';

// A candidate's session on My data. The mailed link (single use, MY_DATA_LINK_MINUTES) opens it with a POST (a
// GET only shows the button: mail scanners open links), which spends the link and sets a cookie whose token's
// hash alone is stored; the session ends MY_DATA_SESSION_MINUTES later, or when the candidate deletes their data.
// A `CandidateLink` can only come from a live session, and every function that reads or changes the candidate's
// data takes one and checks it again against the database.

export const secureCookieName = '__Host-bt_mydata';
export const plainCookieName = 'bt_mydata';

declare const linkBrand: unique symbol;

export interface CandidateLink {
  readonly candidateId: string;
  readonly sessionId: string;
  readonly [linkBrand]: true;
}

const issued = new WeakSet<object>();

export class CandidateSessionError extends Error {
  constructor() {
    super('A live My data session is required');
    this.name = 'CandidateSessionError';
  }
}

function cookieName(requestHeaders: Headers): string {
  return isSecureCookieContext(requestHeaders) ? secureCookieName : plainCookieName;
}

export type OpenOutcome = { ok: true; cookieToken: string; maxAgeSeconds: number } | { ok: false; reason: Exclude<LinkState, 'valid'> };

/** Spend a My data link and open a session for its candidate. */
export async function openMyDataSession(token: string): Promise<OpenOutcome> {
  if (!isTokenShaped(token)) return { ok: false, reason: 'invalid' };
  const minutes = serverConfig().MY_DATA_SESSION_MINUTES;
  const session = issueToken();
  const opened = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ candidate_id: string }[]>(Prisma.sql`
      WITH spent AS (
        UPDATE candidate_tokens SET used_at = clock_timestamp()
         WHERE token_hash = ${hashToken(token)} AND purpose = 'my_data' AND used_at IS NULL AND expires_at > clock_timestamp()
        RETURNING candidate_id
      )
      INSERT INTO candidate_sessions (token_hash, candidate_id, expires_at)
      SELECT ${session.hash}, candidate_id, clock_timestamp() + make_interval(mins => ${minutes}::int) FROM spent
      RETURNING candidate_id`);
    const candidateId = rows[0]?.candidate_id;
    if (candidateId) await recordAudit({ actor: null, action: 'candidate.my-data-open', details: { candidateId } }, tx);
    return candidateId;
  });
  if (opened) return { ok: true, cookieToken: session.token, maxAgeSeconds: minutes * 60 };
  const [row] = await db().$queryRaw<{ used: boolean }[]>(Prisma.sql`
    SELECT used_at IS NOT NULL AS used FROM candidate_tokens WHERE token_hash = ${hashToken(token)} AND purpose = 'my_data'`);
  return { ok: false, reason: !row ? 'invalid' : row.used ? 'used' : 'expired' };
}

/** Set the session cookie on the response of the action that opened it. */
export async function setMyDataCookie(cookieToken: string, maxAgeSeconds: number): Promise<void> {
  const requestHeaders = await headers();
  (await cookies()).set(cookieName(requestHeaders), cookieToken, {
    httpOnly: true,
    secure: isSecureCookieContext(requestHeaders),
    sameSite: 'lax',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export async function clearMyDataCookie(): Promise<void> {
  const requestHeaders = await headers();
  (await cookies()).delete(cookieName(requestHeaders));
}

async function linkFor(cookieToken: string | undefined): Promise<CandidateLink | null> {
  if (!isTokenShaped(cookieToken)) return null;
  const rows = await db().$queryRaw<{ id: string; candidate_id: string }[]>(Prisma.sql`
    SELECT id, candidate_id FROM candidate_sessions
     WHERE token_hash = ${hashToken(cookieToken)} AND revoked_at IS NULL AND expires_at > clock_timestamp()`);
  const row = rows[0];
  if (!row) return null;
  const link = { candidateId: row.candidate_id, sessionId: row.id } as CandidateLink;
  issued.add(link);
  return link;
}

/** The candidate of this request's My data cookie, or null. */
export async function currentCandidate(): Promise<CandidateLink | null> {
  const requestHeaders = await headers();
  return linkFor((await cookies()).get(cookieName(requestHeaders))?.value);
}

/** The same, from a route handler's request. */
export async function candidateFromRequest(request: Request): Promise<CandidateLink | null> {
  const name = cookieName(request.headers);
  const cookie = request.headers.get('cookie') ?? '';
  const value = cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return linkFor(value);
}

/** Checks, against the database, that the link is one this process issued and its session is still live. */
export async function authorizeCandidate(link: CandidateLink): Promise<string> {
  if (!issued.has(link)) throw new CandidateSessionError();
  const rows = await db().$queryRaw<{ candidate_id: string }[]>(Prisma.sql`
    SELECT candidate_id FROM candidate_sessions
     WHERE id = ${link.sessionId}::uuid AND revoked_at IS NULL AND expires_at > clock_timestamp()`);
  if (rows[0]?.candidate_id !== link.candidateId) throw new CandidateSessionError();
  return link.candidateId;
}

export async function endMyDataSession(link: CandidateLink): Promise<void> {
  await db().candidateSession.updateMany({ where: { id: link.sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The update form sent back with its errors, kept on the session until the page shows it once. */
export async function stashForm(link: CandidateLink, state: object): Promise<void> {
  await db().candidateSession.update({ where: { id: link.sessionId }, data: { formState: state as Prisma.InputJsonValue }, select: { id: true } });
}

export async function takeForm(link: CandidateLink): Promise<unknown> {
  const rows = await db().$queryRaw<{ form_state: unknown }[]>(Prisma.sql`
    UPDATE candidate_sessions s SET form_state = NULL
      FROM (SELECT id, form_state FROM candidate_sessions WHERE id = ${link.sessionId}::uuid FOR UPDATE) old
     WHERE s.id = old.id
    RETURNING old.form_state`);
  return rows[0]?.form_state ?? null;
}
