// TOTP (RFC 6238) and recovery codes: the parts with no database. otpauth does the algorithm; this module fixes the
// parameters every authenticator app understands (SHA-1, 6 digits, 30 s) and the rules around them.
import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { serverConfig } from '@/lib/config/env';
import type { StaffRole } from './roles';

export const totpPeriodSeconds = 30;
const issuer = 'Bilingual Talent';

/** Whether accounts of this role must sign in with a second factor (STAFF_MFA). */
export function secondFactorRequired(role: StaffRole): boolean {
  const policy = serverConfig().STAFF_MFA;
  // The privacy role reads every candidate and answers their requests: held to what admins are.
  return policy === 'all' || (policy === 'admins' && (role === 'admin' || role === 'privacy'));
}

/** 160 random bits, base32: RFC 4226's recommended length for the shared secret. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, email: string): TOTP {
  return new TOTP({ issuer, label: email, algorithm: 'SHA1', digits: 6, period: totpPeriodSeconds, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The secret grouped in fours, for typing it into an app by hand. */
export function formatSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The time step of a valid code, accepting the step before and after now (clock drift of up to 30 s), or null.
 * The caller must refuse a step at or below the last one used: a code is good once (ASVS V6.5.1).
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const digits = code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secret, 'x').validate({ token: digits, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / totpPeriodSeconds) + delta;
}

// Recovery codes: 24 characters of Crockford's base32 alphabet (no i, l, o, u: nothing to mistake), 120 bits, in
// groups of six.
const recoveryAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';
export const recoveryCodeCount = 10;

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 24 }, () => recoveryAlphabet[randomInt(32)]);
  return chars.join('').replace(/(.{6})(?=.)/g, '$1-');
}

/** Whether what was typed looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(input: string): boolean {
  return input.replace(/[\s-]/g, '').length >= 20;
}

/** How a recovery code is stored and looked up: SHA-256 of its letters, case and separators ignored. */
export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');
}
