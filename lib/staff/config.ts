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

/** Failed sign-ins in a row that lock an account. */
export const failuresBeforeLockout = 5;

/**
 * How long the n-th lockout in a row lasts (n from 1): 5 min, 10, 20, 40 … doubling up to 24 h.
 * A successful sign-in starts the series again.
 */
export function lockoutDurationMs(lockoutNumber: number): number {
  const base = 5 * 60_000;
  const cap = 24 * 60 * 60_000;
  return Math.min(cap, base * 2 ** Math.max(0, lockoutNumber - 1));
}

/** Failed sign-ins from one client address, any account, within the window, before it is refused. */
export const failuresPerAddress = 30;
export const addressWindowMs = 15 * 60_000;
