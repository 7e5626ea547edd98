import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// Single-use links and session cookies carry a 256-bit random token; only its SHA-256 is stored, so a copy of
// the database opens nothing.

export interface IssuedToken {
  /** Goes to the person (a mail link, a cookie), never to the database or a log. */
  token: string;
  /** What the database keeps. */
  hash: string;
}

export function issueToken(): IssuedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `value` has the shape of a token this site issues (43 base64url characters): anything else is forged. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
