import 'server-only';
import { randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP Password Storage Cheat Sheet, argon2id minimum: m = 19 MiB, t = 2, p = 1.
// `algorithm: 2` is Argon2id: the package's `Algorithm` is a const enum, which isolated modules cannot inline.
// (@node-rs/argon2 rather than `argon2`: the latter's prebuilt binary crashes Node 20.20 on load.)
export const argon2Options = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const minPasswordLength = 12;
// Long enough for any passphrase, short enough that hashing cannot be used to tie up the server.
export const maxPasswordLength = 256;

// The 49,000 most common passwords of the zxcvbn-ts project (@zxcvbn-ts/language-common, MIT), offline.
let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'] as string[]);
  return commonPasswords.has(password.toLowerCase());
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/**
 * NIST SP 800-63B rules: a minimum length, no composition rules, and a check against passwords known to
 * be common or tied to the account. Length counts characters as people see them (code points).
 */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < minPasswordLength) return 'tooShort';
  if (length > maxPasswordLength) return 'tooLong';
  if (isCommon(normalized)) return 'common';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && normalized.toLowerCase().includes(local)) return 'containsEmail';
  return null;
}

/** The same password typed on two keyboards must hash the same (NFKC, as NIST asks). */
function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Thrown when more password checks are waiting than this process will queue: answer "try again soon". */
export class PasswordWorkBusyError extends Error {
  constructor() {
    super('Too many password checks waiting');
    this.name = 'PasswordWorkBusyError';
  }
}

// Each argon2 run takes 19 MiB and a core for tens of milliseconds. A flood of sign-ins must not take every core
// and all that memory from the pages: at most one run per core at a time in this process, and at most
// `maxWaiting` waiting for one; beyond that the caller is told at once (PasswordWorkBusyError).
const slots = Math.max(1, Math.min(4, availableParallelism()));
const maxWaiting = 32;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a password-hashing slot is free; throws PasswordWorkBusyError when the queue is full. */
export async function withPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= slots) {
    if (waiting.length >= maxWaiting) throw new PasswordWorkBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many password checks run and wait right now (for tests and the bench). */
export function passwordWork(): { running: number; waiting: number; slots: number } {
  return { running, waiting: waiting.length, slots };
}

export function hashPassword(password: string): Promise<string> {
  return withPasswordSlot(() => argon2Hash(normalizePassword(password), argon2Options));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if ([...password].length > maxPasswordLength) return false;
  return withPasswordSlot(async () => {
    try {
      return await argon2Verify(hash, normalizePassword(password));
    } catch {
      return false;
    }
  });
}

/** True when a stored hash is not argon2id or was made with weaker parameters than today's (PHC string format). */
export function needsRehash(hash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  if (!match) return true;
  const [m, t, p] = match.slice(1).map(Number);
  return m! < argon2Options.memoryCost || t! < argon2Options.timeCost || p! !== argon2Options.parallelism;
}

// Hashed once per process: verifying against it when the account does not exist (or may not sign in)
// takes as long as a real check, so the answer's timing does not tell whether an email is registered.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-but-hashed-the-same-way');
  await verifyPassword(await dummyHash, password);
}

const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters from 56 unambiguous ones: about 116 bits, easy to read aloud or copy. */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  // Groups of five make it easier to copy by hand.
  return chars.join('').replace(/(.{5})(?=.)/g, '$1-');
}
