// Sign-in under attack, on real PostgreSQL: concurrent guesses against one account, floods from one address,
// known browsers during a lockout, and client addresses a client tries to choose for itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from '@/lib/candidates/sign-up';
import { unlockStaffAccount } from '@/lib/staff/accounts';
import { failuresBeforeLockout, failuresPerAddress } from '@/lib/staff/config';
import { signIn, type SignInResult } from '@/lib/staff/sign-in';
import { clientAddress } from '@/lib/security/client-address';
import { installClientAddressHook } from '@/lib/security/client-address-hook';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, signedIn, strongPassword } from '../support/staff-fixtures.ts';
import { signUpFormData } from '../support/sign-up-form.ts';

const testDb = perTestDatabase();

async function failureReasons(): Promise<string[]> {
  const rows = await testDb.query<{ reason: string }>(
    `SELECT details->>'reason' AS reason FROM audit_events WHERE action = 'staff.sign-in-failed' ORDER BY id`,
  );
  return rows.map((r) => r.reason);
}

describe('concurrent sign-ins against one account', () => {
  it('30 concurrent wrong passwords then the right one: the account is locked and no session is made', async () => {
    const staff = await createStaff('staff');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn({ email: staff.email, password: `wrong guess number ${i}` }, { ipAddress: `198.51.100.${i + 1}`, userAgent: 'attack' })),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const right = await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.200', userAgent: 'attack' });
    expect(right).toEqual({ ok: false, reason: 'invalid' });
    expect(await testDb.query(`SELECT id FROM staff_sessions`)).toEqual([]);
    const [row] = await testDb.query<{ locked: boolean; lockout_count: number; busy: boolean }>(
      `SELECT locked_until > now() AS locked, lockout_count, password_check_until IS NOT NULL AS busy FROM staff_users WHERE id = $1`,
      [staff.id],
    );
    expect(row).toEqual({ locked: true, lockout_count: 1, busy: false });
    // At most as many passwords were checked as the lockout allows: the rest were refused before a check (another
    // check of the account in flight, or the lock).
    const reasons = await failureReasons();
    expect(reasons).toHaveLength(31);
    expect(reasons.filter((r) => r === 'wrong-password').length).toBeLessThanOrEqual(failuresBeforeLockout);
    expect(new Set(reasons)).toEqual(new Set(['wrong-password', 'check-in-flight', 'locked'].filter((r) => reasons.includes(r))));
    expect(reasons.at(-1)).toBe('locked');
  }, 120_000);

  it('the right password inside a burst of wrong ones: checks never overlap, so the counts hold and at most one session is made', async () => {
    const staff = await createStaff('staff');
    const burst = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => signIn({ email: staff.email, password: `wrong guess ${i} here` }, { ipAddress: '198.51.100.9', userAgent: 'x' })),
      signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.9', userAgent: 'x' }),
    ]);
    // However the burst interleaved, the checks never overlapped, so the counts hold: either the right password
    // got its own check (and at most 4 wrong ones came before it), or the account ended locked.
    const sessions = await testDb.query(`SELECT id FROM staff_sessions`);
    const checked = (await failureReasons()).filter((r) => r === 'wrong-password').length;
    expect(checked).toBeLessThanOrEqual(failuresBeforeLockout * 2);
    expect(sessions.length).toBe(burst.filter((r) => r.ok).length);
    expect(sessions.length).toBeLessThanOrEqual(1);
  }, 120_000);
});

describe('two honest sign-ins at once', () => {
  it('both get through: the second waits for the first check instead of being refused', async () => {
    const staff = await createStaff('staff');
    const results = await Promise.all([
      signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.20', userAgent: 'tab one' }),
      signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.21', userAgent: 'tab two' }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await testDb.query(`SELECT id FROM staff_sessions`)).toHaveLength(2);
  }, 60_000);
});

describe('the per-address limit', () => {
  it('45 concurrent failures from one address: throttled after the limit, without a password check', async () => {
    await createStaff('staff');
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) => signIn({ email: `guess${i}@agency.example`, password: 'password guess' }, { ipAddress: '203.0.113.66', userAgent: 'flood' })),
    );
    const counted = (reason: string) => results.filter((r) => !r.ok && r.reason === reason).length;
    expect(counted('invalid') + counted('busy')).toBe(failuresPerAddress);
    expect(counted('throttled')).toBe(45 - failuresPerAddress);
    // Refused attempts leave no attempt rows; the throttle is audited once, not once per attempt.
    const [{ n }] = (await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_attempts`)) as [{ n: number }];
    expect(n).toBe(failuresPerAddress);
    expect((await failureReasons()).filter((r) => r === 'address-throttled')).toHaveLength(1);
  }, 120_000);

  it('keys an IPv6 client by its /64: other addresses of the same /64 are throttled too', async () => {
    const staff = await createStaff('staff');
    for (let i = 0; i < failuresPerAddress; i++) {
      await signIn({ email: `guess${i}@agency.example`, password: 'password guess' }, { ipAddress: `2001:db8:7:8::${(i + 1).toString(16)}`, userAgent: 'v6' });
    }
    expect(await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '2001:db8:7:8:ffff::1', userAgent: 'v6' })).toEqual({
      ok: false,
      reason: 'throttled',
    });
    expect((await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '2001:db8:7:9::1', userAgent: 'v6' })).ok).toBe(true);
  }, 120_000);

  it('a successful sign-in gives its attempt back: the limit is on failures', async () => {
    const staff = await createStaff('staff');
    for (let i = 0; i < failuresPerAddress + 5; i++) {
      expect((await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '203.0.113.90', userAgent: 'office' })).ok).toBe(true);
    }
  }, 120_000);
});

describe('lockout and the person locked out', () => {
  async function lockOut(email: string, ipAddress = '198.51.100.44') {
    for (let i = 1; i <= failuresBeforeLockout; i++) await signIn({ email, password: `wrong password ${i}` }, { ipAddress, userAgent: 'x' });
  }

  it('a browser that signed in to the account before is not locked out, and keeps its own count', async () => {
    const staff = await createStaff('staff');
    const first = await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.5', userAgent: 'laptop' });
    if (!first.ok || !first.deviceToken) throw new Error('expected a device token');
    await lockOut(staff.email);
    // Unknown browsers: refused even with the right password.
    expect((await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.5', userAgent: 'other' })).ok).toBe(false);
    // The person's own browser: in.
    const own = await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.5', userAgent: 'laptop', deviceToken: first.deviceToken });
    expect(own).toMatchObject({ ok: true, deviceToken: null });
    // A stolen device cookie buys a guesser only its own few attempts, then it is an unknown browser like any other.
    await lockOut(staff.email);
    for (let i = 0; i < failuresBeforeLockout; i++) {
      await signIn({ email: staff.email, password: `device guess ${i}` }, { ipAddress: '203.0.113.5', userAgent: 'thief', deviceToken: first.deviceToken });
    }
    expect(await testDb.query(`SELECT id FROM staff_devices WHERE staff_user_id = $1`, [staff.id])).toEqual([]);
    expect(
      (await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.5', userAgent: 'laptop', deviceToken: first.deviceToken })).ok,
    ).toBe(false);
  }, 120_000);

  it('the lockout carries what the mail to the person needs: when, and from which addresses', async () => {
    const staff = await createStaff('staff');
    let last: SignInResult | undefined;
    for (let i = 1; i <= failuresBeforeLockout; i++) {
      last = await signIn({ email: staff.email, password: `wrong password ${i}` }, { ipAddress: `203.0.113.${i}`, userAgent: 'x' });
    }
    expect(last).toMatchObject({ ok: false, reason: 'invalid', lockout: { staffUserId: staff.id, email: staff.email, lockoutNumber: 1 } });
    const notice = (last as { lockout: { attempts: { at: Date; ipAddress: string }[]; lockedUntil: Date } }).lockout;
    expect(notice.attempts.map((a) => a.ipAddress)).toEqual(['203.0.113.5', '203.0.113.4', '203.0.113.3', '203.0.113.2', '203.0.113.1']);
    expect(notice.lockedUntil.getTime()).toBeGreaterThan(Date.now());
  }, 120_000);

  it('an admin can lift a lock at once', async () => {
    const admin = await createStaff('admin');
    const staff = await createStaff('staff');
    const { viewer } = await signedIn(admin.email);
    await lockOut(staff.email);
    expect((await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.6', userAgent: 'x' })).ok).toBe(false);
    await expect(unlockStaffAccount(viewer, staff.id, { ipAddress: null })).resolves.toEqual({ ok: true });
    expect((await signIn({ email: staff.email, password: strongPassword }, { ipAddress: '198.51.100.6', userAgent: 'x' })).ok).toBe(true);
    const [event] = await testDb.query<{ actor_email: string; details: unknown }>(`SELECT actor_email, details FROM audit_events WHERE action = 'staff.unlock'`);
    expect(event).toEqual({ actor_email: admin.email, details: { accountId: staff.id, email: staff.email } });
  }, 120_000);
});

describe('client addresses over a real socket', () => {
  // A server like next start with the client-address hook installed: it reports the address the app would use,
  // and signs in / signs up with it.
  let server: Server;
  let base: string;
  beforeAll(async () => {
    installClientAddressHook({ TRUSTED_PROXIES: '' });
    server = createServer(async (request, response) => {
      const headers = new Headers(Object.entries(request.headers).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const address = clientAddress(headers);
      let outcome: unknown = null;
      if (request.url === '/sign-in') {
        outcome = await signIn({ email: 'nobody@agency.example', password: 'password guess' }, { ipAddress: address, userAgent: 'x' });
      } else if (request.url === '/sign-up') {
        outcome = await signUp({ locale: 'es', formData: signUpFormData({ email: 'ana.forged@example.com' }), clientAddress: address, userAgent: 'x' });
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ address, requestId: request.headers['x-request-id'] ?? null, outcome }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    installClientAddressHook({ TRUSTED_PROXIES: '' });
    await new Promise((resolve) => server.close(resolve));
  });
  afterEach(() => installClientAddressHook({ TRUSTED_PROXIES: '' }));

  const ask = async (path: string, headers: Record<string, string> = {}) =>
    (await (await fetch(base + path, { headers })).json()) as { address: string; requestId: string | null; outcome: { ok: boolean; reason?: string } };

  it('a forged X-Forwarded-For from an untrusted peer is ignored: the socket address counts, and is stored', async () => {
    expect(await ask('/', { 'x-forwarded-for': '203.0.113.77', 'x-real-ip': '203.0.113.78', 'x-request-id': 'forged-request-id-1' })).toEqual({
      address: '127.0.0.1',
      requestId: null,
      outcome: null,
    });
    // A new forged address per attempt does not give new attempts: all count against 127.0.0.1.
    const outcomes = [];
    for (let i = 0; i <= failuresPerAddress; i++) outcomes.push((await ask('/sign-in', { 'x-forwarded-for': `203.0.113.${i + 1}` })).outcome);
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: 'throttled' });
    const addresses = await testDb.query<{ ip_address: string }>(`SELECT DISTINCT ip_address FROM login_attempts`);
    expect(addresses).toEqual([{ ip_address: '127.0.0.1' }]);
    // Consent evidence holds the real address too.
    expect((await ask('/sign-up', { 'x-forwarded-for': '203.0.113.77' })).outcome).toEqual({ ok: true });
    expect(await testDb.query(`SELECT ip_address FROM consents`)).toEqual([{ ip_address: '127.0.0.1' }]);
  }, 120_000);

  it('from a trusted proxy, the address it appended is the client, and its request id is kept', async () => {
    installClientAddressHook({ TRUSTED_PROXIES: '127.0.0.1/32' });
    expect(await ask('/', { 'x-forwarded-for': '203.0.113.77, 198.51.100.8', 'x-request-id': 'nginx-request-id-1' })).toEqual({
      address: '198.51.100.8',
      requestId: 'nginx-request-id-1',
      outcome: null,
    });
    expect((await ask('/', {})).address).toBe('127.0.0.1');
  });

  it('a header named like the hook’s own, sent by the client, is not believed', async () => {
    const response = await ask('/', { 'x-bt-client-address': '203.0.113.99', 'x-bt-client-proof': 'guess' });
    expect(response.address).toBe('127.0.0.1');
    // And without the hook's proof nothing is believed at all.
    expect(clientAddress(new Headers({ 'x-bt-client-address': '203.0.113.99', 'x-bt-client-proof': 'guess' }))).toBeNull();
  });
});
