// Session and brute-force settings. Timeouts come from the environment (see .env.example); the lockout
// schedule is fixed here because it is part of the security design, not of the deployment.

import { serverConfig } from '@/lib/config/env';

/** A session unused for this long is over (default 30 minutes). */
export function idleTimeoutMs(): number {
  return serverConfig().STAFF_SESSION_IDLE_MINUTES * 60_000;
}

/** A session is over this long after sign-in, however busy (default 8 hours). */
export function absoluteTimeoutMs(): number {
  return serverConfig().STAFF_SESSION_ABSOLUTE_MINUTES * 60_000;
}

/** `last_seen_at` is written at most this often, so every page view is not a write. */
export const touchIntervalMs = 60_000;

/**
 * Failed sign-ins in a row that lock an account against unknown browsers. A browser that signed in to the account
 * before (a device cookie, lib/staff/devices.ts) is not locked out: it has its own count, and after this many
 * failures of its own it is just another unknown browser.
 */
export const failuresBeforeLockout = 5;

/**
 * How long the n-th lockout in a row lasts (n from 1): 5 min, 10, 20, 40, then an hour at most. It slows down
 * whoever is guessing; it must not shut the person out for a day (their own browser is not locked at all, and an
 * admin can lift a lock). A successful sign-in starts the series again.
 */
export function lockoutDurationMs(lockoutNumber: number): number {
  const base = 5 * 60_000;
  const cap = 60 * 60_000;
  return Math.min(cap, base * 2 ** Math.max(0, lockoutNumber - 1));
}

/**
 * Sign-in attempts from one client address (an IPv6 client by its /64), any account, within the window, before
 * the address is refused without a password check. Counted before the check; a successful sign-in gives its
 * attempt back, so the limit is on failures.
 */
export const failuresPerAddress = 30;
export const addressWindowMs = 15 * 60_000;

/** How long one password check may hold its account's lease (a crashed check frees it after this). */
export const passwordCheckLeaseMs = 30_000;

/** How long a browser is remembered as one that signed in to the account (the device cookie). */
export const deviceLifetimeMs = 180 * 24 * 60 * 60_000;
