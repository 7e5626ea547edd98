import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { setStaffDisabled } from '@/lib/staff/accounts';
import { authorize, UnauthorizedError, verifySessionToken } from '@/lib/staff/session';
import { signIn, signOut } from '@/lib/staff/sign-in';
import { failuresPerAddress, lockoutDurationMs } from '@/lib/staff/config';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, signedIn, strongPassword } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const context = { ipAddress: '198.51.100.7', userAgent: 'vitest' };

async function auditActions() {
  return (await testDb.query<{ action: string }>(`SELECT action FROM audit_events ORDER BY id`)).map((r) => r.action);
}

afterEach(() => {
  delete process.env.STAFF_SESSION_IDLE_MINUTES;
});

describe('staff sign-in', () => {
  it('stores passwords as argon2id with at least the OWASP parameters', async () => {
    await createStaff('staff');
    const [row] = await testDb.query<{ password_hash: string }>(`SELECT password_hash FROM staff_users`);
    const [, params] = /^\$argon2id\$v=19\$([^$]+)\$/.exec(row!.password_hash) ?? [];
    const { m, t, p } = Object.fromEntries(params!.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBe(1);
  });

  it('issues a new random token at every sign-in and stores only its SHA-256', async () => {
    const staff = await createStaff('staff');
    const first = await signIn({ email: staff.email, password: strongPassword }, context);
    const second = await signIn({ email: ' STAFF@Agency.example ', password: strongPassword }, context);
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    expect(first.token).not.toBe(second.token);
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    const rows = await testDb.query<{ token_hash: string }>(`SELECT token_hash FROM staff_sessions ORDER BY created_at`);
    expect(rows.map((r) => r.token_hash)).toEqual(
      [first.token, second.token].map((t) => createHash('sha256').update(t).digest('hex')),
    );
    const everything = JSON.stringify(await testDb.query(`SELECT * FROM staff_sessions`));
    expect(everything).not.toContain(first.token);
    expect(await auditActions()).toEqual(['staff.create', 'staff.sign-in', 'staff.sign-in']);
  });

  it('answers a wrong password, an unknown email and a disabled account the same way', async () => {
    const staff = await createStaff('staff');
    const other = await createStaff('staff', 'gone@agency.example');
    await testDb.query(`UPDATE staff_users SET disabled_at = now() WHERE id = $1`, [other.id]);
    const wrong = await signIn({ email: staff.email, password: 'not the password at all' }, context);
    const unknown = await signIn({ email: 'nobody@agency.example', password: strongPassword }, context);
    const disabled = await signIn({ email: other.email, password: strongPassword }, context);
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
    const failed = await testDb.query<{ actor_email: string; details: { reason: string } }>(
      `SELECT actor_email, details FROM audit_events WHERE action = 'staff.sign-in-failed' ORDER BY id`,
    );
    expect(failed.map((f) => [f.actor_email, f.details.reason])).toEqual([
      [staff.email, 'wrong-password'],
      ['nobody@agency.example', 'unknown-account'],
      [other.email, 'disabled'],
    ]);
    expect(JSON.stringify(failed)).not.toContain('not the password');
  });

  it('locks an account after 5 failures in a row, then for twice as long after the next 5', async () => {
    const staff = await createStaff('staff');
    for (let i = 1; i <= 4; i++) {
      await signIn({ email: staff.email, password: `wrong password ${i}` }, context);
    }
    const [before] = await testDb.query<{ failed_login_count: number; locked_until: Date | null }>(
      `SELECT failed_login_count, locked_until FROM staff_users`,
    );
    expect(before).toEqual({ failed_login_count: 4, locked_until: null });

    const start = Date.now();
    await signIn({ email: staff.email, password: 'wrong password 5' }, context);
    const [locked] = await testDb.query<{ locked_until: Date; lockout_count: number }>(`SELECT locked_until, lockout_count FROM staff_users`);
    expect(locked!.lockout_count).toBe(1);
    expect(locked!.locked_until.getTime()).toBeGreaterThanOrEqual(start + lockoutDurationMs(1) - 1000);
    expect(locked!.locked_until.getTime()).toBeLessThanOrEqual(Date.now() + lockoutDurationMs(1));

    // Locked: even the right password is refused, with the same answer as any failure.
    expect(await signIn({ email: staff.email, password: strongPassword }, context)).toEqual({ ok: false, reason: 'invalid' });

    // The lock runs out; five more failures lock it again, for longer.
    await testDb.query(`UPDATE staff_users SET locked_until = now() - interval '1 second'`);
    for (let i = 1; i <= 5; i++) await signIn({ email: staff.email, password: `wrong again ${i}` }, context);
    const [again] = await testDb.query<{ locked_until: Date; lockout_count: number }>(`SELECT locked_until, lockout_count FROM staff_users`);
    expect(again!.lockout_count).toBe(2);
    expect(lockoutDurationMs(2)).toBe(2 * lockoutDurationMs(1));
    expect(again!.locked_until.getTime() - Date.now()).toBeGreaterThan(lockoutDurationMs(1));

    const lockouts = await testDb.query<{ details: { lockoutNumber: number } }>(
      `SELECT details FROM audit_events WHERE action = 'staff.lockout' ORDER BY id`,
    );
    expect(lockouts.map((l) => l.details.lockoutNumber)).toEqual([1, 2]);
  });

  it('a successful sign-in clears the count of failures', async () => {
    const staff = await createStaff('staff');
    for (let i = 0; i < 4; i++) await signIn({ email: staff.email, password: 'wrong password here' }, context);
    expect((await signIn({ email: staff.email, password: strongPassword }, context)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn({ email: staff.email, password: 'wrong password here' }, context);
    expect((await signIn({ email: staff.email, password: strongPassword }, context)).ok).toBe(true);
  });

  it('counts failures per client address, whatever the email, and refuses that address only', async () => {
    const staff = await createStaff('staff');
    for (let i = 0; i < failuresPerAddress; i++) {
      await signIn({ email: `guess${i}@agency.example`, password: 'password guess' }, { ...context, ipAddress: '203.0.113.66' });
    }
    expect(await signIn({ email: staff.email, password: strongPassword }, { ...context, ipAddress: '203.0.113.66' })).toEqual({
      ok: false,
      reason: 'throttled',
    });
    expect((await signIn({ email: staff.email, password: strongPassword }, { ...context, ipAddress: '203.0.113.67' })).ok).toBe(true);
    // The refused attempt was stopped before any work: no password check, no attempt row (it used to write one).
    const [{ n }] = (await testDb.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM login_attempts WHERE ip_address = '203.0.113.66' AND NOT success`,
    )) as [{ n: number }];
    expect(n).toBe(failuresPerAddress);
  }, 120_000);
});

describe('staff sessions', () => {
  it('signing out revokes the session on the server', async () => {
    const staff = await createStaff('staff');
    const { token, viewer } = await signedIn(staff.email);
    await expect(authorize(viewer, 'candidates:read')).resolves.toMatchObject({ id: staff.id });
    await signOut(token, context);
    expect(await verifySessionToken(token)).toBeNull();
    await expect(authorize(viewer, 'candidates:read')).rejects.toBeInstanceOf(UnauthorizedError);
    const [row] = await testDb.query<{ revoked_at: Date | null }>(`SELECT revoked_at FROM staff_sessions`);
    expect(row!.revoked_at).toBeInstanceOf(Date);
    expect(await auditActions()).toContain('staff.sign-out');
  });

  it('disabling an account revokes its sessions at once and keeps it out', async () => {
    const admin = await createStaff('admin');
    const staff = await createStaff('staff');
    const { viewer: adminViewer } = await signedIn(admin.email);
    const { token, viewer } = await signedIn(staff.email);
    await expect(setStaffDisabled(adminViewer, staff.id, true, { ipAddress: null })).resolves.toEqual({ ok: true });
    await expect(authorize(viewer, 'candidates:read')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(await verifySessionToken(token)).toBeNull();
    const sessions = await testDb.query<{ revoked_at: Date | null }>(`SELECT revoked_at FROM staff_sessions WHERE staff_user_id = $1`, [staff.id]);
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    expect(await signIn({ email: staff.email, password: strongPassword }, context)).toEqual({ ok: false, reason: 'invalid' });
    const [event] = await testDb.query<{ actor_email: string; details: Record<string, unknown> }>(
      `SELECT actor_email, details FROM audit_events WHERE action = 'staff.disable'`,
    );
    expect(event).toEqual({ actor_email: admin.email, details: { accountId: staff.id, email: staff.email, sessionsRevoked: 1 } });
  });

  it('a session idle for longer than the idle timeout is over', async () => {
    process.env.STAFF_SESSION_IDLE_MINUTES = '30';
    const staff = await createStaff('staff');
    const { token, viewer } = await signedIn(staff.email);
    await testDb.query(`UPDATE staff_sessions SET last_seen_at = now() - interval '29 minutes'`);
    expect(await verifySessionToken(token)).not.toBeNull();
    // Using it moved last_seen_at forward.
    const [seen] = await testDb.query<{ idle: number }>(`SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM staff_sessions`);
    expect(seen!.idle).toBeLessThan(5);
    await testDb.query(`UPDATE staff_sessions SET last_seen_at = now() - interval '31 minutes'`);
    expect(await verifySessionToken(token)).toBeNull();
    await expect(authorize(viewer, 'candidates:read')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('a session past its absolute lifetime is over however active', async () => {
    const staff = await createStaff('staff');
    const { token } = await signedIn(staff.email);
    const [row] = await testDb.query<{ hours: number }>(`SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM staff_sessions`);
    expect(row!.hours).toBe(8);
    await testDb.query(`UPDATE staff_sessions SET expires_at = now() - interval '1 second', last_seen_at = now()`);
    expect(await verifySessionToken(token)).toBeNull();
  });

  it('ignores tokens that are malformed or unknown', async () => {
    expect(await verifySessionToken(undefined)).toBeNull();
    expect(await verifySessionToken('short')).toBeNull();
    expect(await verifySessionToken('A'.repeat(43))).toBeNull();
  });
});
