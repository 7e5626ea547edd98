// Staff authentication to ASVS level 2 on real PostgreSQL: TOTP second factor (codes computed here with otpauth, as
// an authenticator app would), recovery codes, required enrolment (STAFF_MFA), forced and own password changes,
// and an admin's view of a member's sessions.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { changeStaffRole, createStaffAccount, createStaffAccountAsOperator, listMemberSessions, revokeMemberSessions } from '@/lib/staff/accounts';
import { acknowledgeRecoveryCodes, confirmEnrolmentAtSignIn, resetSecondFactor, verifySecondFactor, codeAttemptsPerSignIn } from '@/lib/staff/mfa';
import { changeOwnPassword, completeRequiredPasswordChange, resetStaffPassword } from '@/lib/staff/password-change';
import { authorize, pendingSignInFor, UnauthorizedError, verifySessionToken, type PendingSignIn } from '@/lib/staff/session';
import { signIn } from '@/lib/staff/sign-in';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, signedIn, strongPassword } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const context = { ipAddress: '198.51.100.77', userAgent: 'vitest' };

function codeFor(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

async function firstStep(email: string, password = strongPassword) {
  const result = await signIn({ email, password }, context);
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return { token: result.token, stage: result.stage, pending: (await pendingSignInFor(result.token)) as PendingSignIn };
}

async function secrets(id: string) {
  const [row] = await testDb.query<{ totp_secret: string | null; totp_pending_secret: string | null }>(
    `SELECT totp_secret, totp_pending_secret FROM staff_users WHERE id = $1`,
    [id],
  );
  return row!;
}

/** An admin with the second factor set up (STAFF_MFA=admins), and the recovery codes they were shown. */
async function enrolledAdmin() {
  const admin = await createStaff('admin');
  const { token, pending } = await firstStep(admin.email);
  const { totp_pending_secret: secret } = await secrets(admin.id);
  const enrolled = await confirmEnrolmentAtSignIn(pending, codeFor(secret!), context);
  if (!enrolled.ok) throw new Error(enrolled.error);
  await acknowledgeRecoveryCodes((await pendingSignInFor(token))!);
  return { ...admin, secret: secret!, recoveryCodes: enrolled.recoveryCodes, token };
}

describe('TOTP second factor', () => {
  it('admins must set it up at their first sign-in (STAFF_MFA=admins): the session is good for nothing until then', async () => {
    process.env.STAFF_MFA = 'admins';
    const admin = await createStaff('admin');
    const { token, stage, pending } = await firstStep(admin.email);
    expect(stage).toBe('enrolment');
    expect(await verifySessionToken(token)).toBeNull();
    expect(pending).toMatchObject({ stage: 'enrolment', email: admin.email });
    const { totp_pending_secret: secret, totp_secret: active } = await secrets(admin.id);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(active).toBeNull();

    expect(await confirmEnrolmentAtSignIn(pending, '000000' === codeFor(secret!) ? '111111' : '000000', context)).toEqual({ ok: false, error: 'codeInvalid' });
    const enrolled = await confirmEnrolmentAtSignIn(pending, codeFor(secret!), context);
    // The recovery codes are shown; the session waits until the person says they kept them.
    expect(enrolled).toMatchObject({ ok: true, stage: 'recovery-codes' });
    const codes = (enrolled as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{6}(-[0-9a-hjkmnp-tv-z]{6}){3}$/);
    expect(await verifySessionToken(token)).toBeNull();
    expect(await acknowledgeRecoveryCodes((await pendingSignInFor(token))!)).toBe('full');
    expect(await verifySessionToken(token)).not.toBeNull();
    // Stored hashed: the codes themselves are nowhere in the database.
    const stored = JSON.stringify(await testDb.query(`SELECT * FROM staff_recovery_codes`));
    for (const code of codes) expect(stored).not.toContain(code.replace(/-/g, ''));
    expect((await testDb.query(`SELECT code_hash FROM staff_recovery_codes`)).length).toBe(10);
    expect(await secrets(admin.id)).toEqual({ totp_secret: secret, totp_pending_secret: null });
  });

  it('signing in without the code gives no session; with it, one; a code is good once', async () => {
    process.env.STAFF_MFA = 'admins';
    const admin = await enrolledAdmin();
    const { token, stage, pending } = await firstStep(admin.email);
    expect(stage).toBe('second-factor');
    expect(await verifySessionToken(token)).toBeNull();
    // The enrolment used this time step's code: the next step's (within the allowed drift) is the one to give.
    const code = codeFor(admin.secret, 1);
    expect(await verifySecondFactor(pending, code === '123456' ? '654321' : '123456', context)).toEqual({ ok: false, error: 'codeInvalid' });
    expect(await verifySecondFactor(pending, code, context)).toEqual({ ok: true, stage: 'full', usedRecoveryCode: false });
    const viewer = await verifySessionToken(token);
    expect(viewer).toMatchObject({ email: admin.email, role: 'admin' });

    // The same code again, on another sign-in: refused.
    const again = await firstStep(admin.email);
    expect(await verifySecondFactor(again.pending, code, context)).toEqual({ ok: false, error: 'codeInvalid' });
    expect(await verifySessionToken(again.token)).toBeNull();
    const audit = (await testDb.query<{ action: string }>(`SELECT action FROM audit_events ORDER BY id`)).map((r) => r.action);
    expect(audit.filter((a) => a === 'staff.second-factor')).toHaveLength(1);
    expect(audit.filter((a) => a === 'staff.second-factor-failed')).toHaveLength(2);
  });

  it('a recovery code signs in once, and only once', async () => {
    process.env.STAFF_MFA = 'admins';
    const admin = await enrolledAdmin();
    const [first] = admin.recoveryCodes;
    const one = await firstStep(admin.email);
    expect(await verifySecondFactor(one.pending, ` ${first!.toUpperCase()} `, context)).toEqual({ ok: true, stage: 'full', usedRecoveryCode: true });
    const two = await firstStep(admin.email);
    expect(await verifySecondFactor(two.pending, first!, context)).toEqual({ ok: false, error: 'codeInvalid' });
    expect(await verifySessionToken(two.token)).toBeNull();
    const [event] = await testDb.query<{ details: unknown }>(`SELECT details FROM audit_events WHERE action = 'staff.second-factor'`);
    expect(event!.details).toEqual({ method: 'recovery-code', recoveryCodesLeft: 9 });
  });

  it(`ends the unfinished sign-in after ${codeAttemptsPerSignIn} wrong codes`, async () => {
    process.env.STAFF_MFA = 'admins';
    const admin = await enrolledAdmin();
    const { token, pending } = await firstStep(admin.email);
    const wrong = codeFor(admin.secret, -5);
    const results = [];
    for (let i = 0; i < codeAttemptsPerSignIn; i++) results.push(await verifySecondFactor(pending, wrong, context));
    expect(results.at(-1)).toEqual({ ok: false, error: 'tooManyCodes' });
    expect(await pendingSignInFor(token)).toBeNull();
    await expect(verifySecondFactor(pending, codeFor(admin.secret, 1), context)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('staff sign in with a password alone under STAFF_MFA=admins, and must set it up under STAFF_MFA=all', async () => {
    process.env.STAFF_MFA = 'admins';
    const staff = await createStaff('staff');
    expect((await firstStep(staff.email)).stage).toBe('full');
    process.env.STAFF_MFA = 'all';
    expect((await firstStep(staff.email)).stage).toBe('enrolment');
  });

  it('a member promoted to admin without a second factor cannot use a session until they set one up', async () => {
    process.env.STAFF_MFA = 'admins';
    const admin = await enrolledAdmin();
    const adminViewer = await verifySessionToken(admin.token);
    const staff = await createStaff('staff');
    const { viewer } = await signedIn(staff.email);
    await changeStaffRole(adminViewer!, staff.id, 'admin', { ipAddress: null });
    await expect(authorize(viewer, 'candidates:read')).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('an admin clears a member’s lost second factor: their sessions end and they set up a new one', async () => {
    process.env.STAFF_MFA = 'all';
    const admin = await enrolledAdmin();
    const adminViewer = await verifySessionToken(admin.token);
    const staff = await createStaff('staff', 'staff@agency.example');
    const step = await firstStep(staff.email);
    const [row] = await testDb.query<{ totp_pending_secret: string }>(`SELECT totp_pending_secret FROM staff_users WHERE id = $1`, [staff.id]);
    await confirmEnrolmentAtSignIn(step.pending, codeFor(row!.totp_pending_secret), context);
    await acknowledgeRecoveryCodes((await pendingSignInFor(step.token))!);
    expect(await verifySessionToken(step.token)).not.toBeNull();
    expect(await resetSecondFactor(adminViewer!, staff.id, { ipAddress: null })).toEqual({ ok: true });
    expect(await verifySessionToken(step.token)).toBeNull();
    expect((await firstStep(staff.email)).stage).toBe('enrolment');
  });
});

describe('passwords', () => {
  it('a password an admin set must be changed at the first sign-in, to a different one', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    const created = await createStaffAccount(viewer, { email: 'nuevo@agency.example', name: 'Nuevo', role: 'staff', password: '' }, { ipAddress: null });
    if (!created.ok || !created.generatedPassword) throw new Error('not created');
    const { token, stage, pending } = await firstStep('nuevo@agency.example', created.generatedPassword);
    expect(stage).toBe('password-change');
    expect(await verifySessionToken(token)).toBeNull();
    expect(await completeRequiredPasswordChange(pending, { password: created.generatedPassword, confirm: created.generatedPassword }, context)).toEqual({
      ok: false,
      errors: { password: 'password.same' },
    });
    expect(await completeRequiredPasswordChange(pending, { password: 'un jardín con tres naranjos', confirm: 'un jardín con tres naranjos!' }, context)).toEqual({
      ok: false,
      errors: { confirm: 'passwordMismatch' },
    });
    expect(await completeRequiredPasswordChange(pending, { password: 'un jardín con tres naranjos', confirm: 'un jardín con tres naranjos' }, context)).toMatchObject({
      ok: true,
      stage: 'full',
    });
    expect(await verifySessionToken(token)).not.toBeNull();
    expect((await signIn({ email: 'nuevo@agency.example', password: created.generatedPassword }, context)).ok).toBe(false);
    expect(await signIn({ email: 'nuevo@agency.example', password: 'un jardín con tres naranjos' }, context)).toMatchObject({ ok: true, stage: 'full' });
  });

  it('the first admin printed by npm start changes the printed password, then sets up the second factor', async () => {
    process.env.STAFF_MFA = 'admins';
    const seeded = await createStaffAccountAsOperator({ email: 'admin@bilingual-talent.local', name: 'Administrator', role: 'admin', password: '' }, 'seed');
    if (!seeded.ok || !seeded.generatedPassword) throw new Error('not seeded');
    const { token, stage, pending } = await firstStep(seeded.email, seeded.generatedPassword);
    expect(stage).toBe('password-change');
    expect(await completeRequiredPasswordChange(pending, { password: 'otra clave larga y secreta', confirm: 'otra clave larga y secreta' }, context)).toMatchObject({
      ok: true,
      stage: 'enrolment',
    });
    expect((await pendingSignInFor(token))?.stage).toBe('enrolment');
  });

  it('changing one’s own password asks for the current one and ends every other session', async () => {
    const staff = await createStaff('staff');
    const here = await signedIn(staff.email);
    const elsewhere = await signedIn(staff.email);
    expect(await changeOwnPassword(here.viewer, { current: 'not my password', password: 'una clave nueva y larga', confirm: 'una clave nueva y larga' }, context)).toEqual({
      ok: false,
      errors: { current: 'currentPasswordWrong' },
    });
    expect(await changeOwnPassword(here.viewer, { current: strongPassword, password: 'qwertyuiop123', confirm: 'qwertyuiop123' }, context)).toEqual({
      ok: false,
      errors: { password: 'password.common' },
    });
    expect(await changeOwnPassword(here.viewer, { current: strongPassword, password: 'una clave nueva y larga', confirm: 'una clave nueva y larga' }, context)).toEqual({
      ok: true,
      stage: 'full',
      sessionsEnded: 1,
    });
    expect(await verifySessionToken(here.token)).not.toBeNull();
    expect(await verifySessionToken(elsewhere.token)).toBeNull();
    expect((await signIn({ email: staff.email, password: 'una clave nueva y larga' }, context)).ok).toBe(true);
  });

  it('an admin gives a member a new password: shown once, their sessions end, and they must change it', async () => {
    const admin = await createStaff('admin');
    const staff = await createStaff('staff');
    const { viewer } = await signedIn(admin.email);
    const theirs = await signedIn(staff.email);
    const reset = await resetStaffPassword(viewer, staff.id, { ipAddress: null });
    if (!reset.ok) throw new Error(reset.error);
    expect(await verifySessionToken(theirs.token)).toBeNull();
    expect((await firstStep(staff.email, reset.password)).stage).toBe('password-change');
    const [event] = await testDb.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'staff.password-reset'`);
    expect(JSON.stringify(event)).not.toContain(reset.password);
  });
});

describe('an admin and a member’s sessions', () => {
  it('sees where and when the member signed in, and ends one session or all of them', async () => {
    const admin = await createStaff('admin');
    const staff = await createStaff('staff');
    const { viewer } = await signedIn(admin.email);
    const one = await signedIn(staff.email, strongPassword, '203.0.113.1');
    const two = await signedIn(staff.email, strongPassword, '203.0.113.2');
    const three = await signedIn(staff.email, strongPassword, '203.0.113.3');
    const sessions = await listMemberSessions(viewer, staff.id);
    expect(sessions.map((s) => [s.ipAddress, s.open])).toEqual([
      ['203.0.113.3', true],
      ['203.0.113.2', true],
      ['203.0.113.1', true],
    ]);
    expect(await revokeMemberSessions(viewer, staff.id, sessions[1]!.id, { ipAddress: null })).toEqual({ ok: true, ended: 1 });
    expect(await verifySessionToken(two.token)).toBeNull();
    expect(await verifySessionToken(one.token)).not.toBeNull();
    expect(await revokeMemberSessions(viewer, staff.id, null, { ipAddress: null })).toEqual({ ok: true, ended: 2 });
    expect(await verifySessionToken(one.token)).toBeNull();
    expect(await verifySessionToken(three.token)).toBeNull();
    // A member may not look at anyone's sessions.
    await expect(listMemberSessions(one.viewer, admin.id)).rejects.toThrow();
  });
});
