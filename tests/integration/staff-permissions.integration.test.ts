import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit/query';
import { candidateStats } from '@/lib/candidates/stats';
import { getCandidate, listCandidates, openCandidateCopy, openCandidateExport } from '@/lib/candidates/query';
import { Prisma } from '@/lib/db/client';
import { deleteCandidate, revokeCandidateConsent } from '@/lib/candidates/rights';
import { exportCandidates } from '@/lib/export/candidates';
import { changeStaffRole, createStaffAccount, listStaffAccounts, setStaffDisabled } from '@/lib/staff/accounts';
import { ForbiddenError, UnauthorizedError, type Viewer } from '@/lib/staff/session';
import { signIn, signOut } from '@/lib/staff/sign-in';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, insertPartner, sharingFor, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const ctx = { ipAddress: null };

/** Every function in lib/ that reads or changes candidates, staff accounts or the audit log. */
function staffDataFunctions(candidateId: string, accountId: string, partnerId = '00000000-0000-4000-8000-000000000000'): Record<string, (viewer: Viewer) => Promise<unknown>> {
  return {
    listCandidates: (v) => listCandidates(v, {}, {}, ctx),
    getCandidate: (v) => getCandidate(v, candidateId, ctx),
    candidateStats: (v) => candidateStats(v),
    openCandidateExport: async (v) => (await openCandidateExport(v, {}, sharingFor(partnerId))).close(),
    openCandidateCopy: async (v) => (await openCandidateCopy(v, {}, Prisma.sql`r.id`, Prisma.sql`FORMAT csv`, sharingFor(partnerId))).close(),
    exportCandidates: async (v) => (await exportCandidates(v, { format: 'csv', filters: {}, locale: 'es', ipAddress: null, organizationId: partnerId, purpose: 'Prueba' })).stream.cancel(),
    revokeCandidateConsent: (v) => revokeCandidateConsent(v, candidateId, ctx),
    deleteCandidate: (v) => deleteCandidate(v, candidateId, ctx),
    listStaffAccounts: (v) => listStaffAccounts(v),
    createStaffAccount: (v) => createStaffAccount(v, { email: 'new@agency.example', name: 'New', role: 'staff', password: '' }, ctx),
    setStaffDisabled: (v) => setStaffDisabled(v, accountId, true, ctx),
    changeStaffRole: (v) => changeStaffRole(v, accountId, 'admin', ctx),
    listAuditEvents: (v) => listAuditEvents(v, {}),
  };
}

const staffMay = new Set(['listCandidates', 'getCandidate', 'candidateStats', 'openCandidateExport', 'openCandidateCopy', 'exportCandidates']);

describe('staff permissions', () => {
  it('every staff data function refuses without a live session', async () => {
    const staff = await createStaff('staff');
    const { token, viewer } = await signedIn(staff.email);
    const [candidateId] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana' }]);
    const before = await testDb.query(`SELECT count(*)::int AS n FROM audit_events`);
    await signOut(token, { ipAddress: null, userAgent: null });
    const withoutSession: [string, unknown][] = [
      ['nothing', undefined],
      ['null', null],
      ['a look-alike object', { ...viewer }],
      ['a forged admin', { sessionId: viewer.sessionId, staffUserId: staff.id, email: staff.email, name: 'x', role: 'admin' }],
      ['a signed-out session', viewer],
    ];
    const functions = staffDataFunctions(candidateId!, staff.id);
    for (const [name, call] of Object.entries(functions)) {
      for (const [what, fake] of withoutSession) {
        await expect(call(fake as Viewer), `${name} with ${what}`).rejects.toBeInstanceOf(UnauthorizedError);
      }
    }
    // Nothing was read or changed: no event besides the sign-out, the candidate and its consent intact.
    const after = await testDb.query<{ action: string }>(`SELECT action FROM audit_events ORDER BY id OFFSET $1`, [(before[0] as { n: number }).n]);
    expect(after.map((a) => a.action)).toEqual(['staff.sign-out']);
    expect(await testDb.query(`SELECT revoked_at FROM consents`)).toEqual([{ revoked_at: null }]);
  });

  it('the staff role reads and exports candidates; everything else is for admins', async () => {
    const staff = await createStaff('staff');
    const other = await createStaff('staff', 'other@agency.example');
    const { viewer } = await signedIn(staff.email);
    const [candidateId] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana' }]);
    const partnerId = await insertPartner(testDb);
    for (const [name, call] of Object.entries(staffDataFunctions(candidateId!, other.id, partnerId))) {
      if (staffMay.has(name)) await expect(call(viewer), name).resolves.not.toThrow();
      else await expect(call(viewer), name).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await testDb.query(`SELECT count(*)::int AS n FROM candidates`)).toEqual([{ n: 1 }]);
    expect(await testDb.query(`SELECT role, disabled_at FROM staff_users WHERE id = $1`, [other.id])).toEqual([{ role: 'staff', disabled_at: null }]);
  });

  it('the admin role may do everything, and each change is audited', async () => {
    const admin = await createStaff('admin');
    const other = await createStaff('staff', 'other@agency.example');
    const { viewer } = await signedIn(admin.email);
    const [candidateId] = await insertCandidates(testDb, [{ email: 'ana@example.com', fullName: 'Ana Privada' }]);
    const partnerId = await insertPartner(testDb);
    for (const [name, call] of Object.entries(staffDataFunctions(candidateId!, other.id, partnerId))) {
      await expect(call(viewer), name).resolves.not.toThrow();
    }
    const actions = (await testDb.query<{ action: string }>(`SELECT action FROM audit_events WHERE actor_id = $1 ORDER BY id`, [admin.id])).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining([
      'candidates.list', 'candidate.view', 'candidates.export', 'candidate.consent-revoke', 'candidate.delete',
      'staff.create', 'staff.disable', 'staff.role-change',
    ]));
    // The deletion event names the candidate's id and nothing personal.
    const [deletion] = await testDb.query<{ details: unknown }>(`SELECT details FROM audit_events WHERE action = 'candidate.delete'`);
    expect(deletion!.details).toEqual({ candidateId });
    expect(await testDb.query(`SELECT 1 FROM candidates`)).toEqual([]);
    expect(await testDb.query(`SELECT 1 FROM consents`)).toEqual([]);
  });

  it('a role change applies to sessions already open', async () => {
    const admin = await createStaff('admin');
    const demoted = await createStaff('admin', 'second@agency.example');
    const { viewer: adminViewer } = await signedIn(admin.email);
    const { viewer } = await signedIn(demoted.email);
    await expect(listAuditEvents(viewer, {})).resolves.toBeTruthy();
    await changeStaffRole(adminViewer, demoted.id, 'staff', ctx);
    await expect(listAuditEvents(viewer, {})).rejects.toBeInstanceOf(ForbiddenError);
    const [event] = await testDb.query<{ details: unknown }>(`SELECT details FROM audit_events WHERE action = 'staff.role-change'`);
    expect(event!.details).toMatchObject({ accountId: demoted.id, from: 'admin', to: 'staff' });
  });

  it('an admin cannot disable or demote their own account', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    expect(await setStaffDisabled(viewer, admin.id, true, ctx)).toEqual({ ok: false, error: 'self' });
    expect(await changeStaffRole(viewer, admin.id, 'staff', ctx)).toEqual({ ok: false, error: 'self' });
  });

  it('new accounts must have a long, uncommon password; a generated one is shown once', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    const make = (password: string) => createStaffAccount(viewer, { email: 'nina@agency.example', name: 'Nina', role: 'staff', password }, ctx);
    expect(await make('short pass')).toEqual({ ok: false, errors: { password: 'password.tooShort' } });
    expect(await make('password1234')).toEqual({ ok: false, errors: { password: 'password.common' } });
    expect(await make('nina-is-my-password-2026')).toEqual({ ok: false, errors: { password: 'password.containsEmail' } });
    // No composition rules: lowercase words with spaces are fine.
    expect(await make('tres tristes tigres comen')).toMatchObject({ ok: true, generatedPassword: null });
    const generated = await createStaffAccount(viewer, { email: 'omar@agency.example', name: 'Omar', role: 'staff', password: '' }, ctx);
    if (!generated.ok || !generated.generatedPassword) throw new Error('no password generated');
    // It signs in, and must be changed first: the admin chose it (tests/integration/staff-mfa.integration.test.ts).
    await expect(signIn({ email: 'omar@agency.example', password: generated.generatedPassword }, { ipAddress: null, userAgent: null })).resolves.toMatchObject({
      ok: true,
      stage: 'password-change',
    });
    expect(JSON.stringify(await testDb.query(`SELECT details FROM audit_events`))).not.toContain(generated.generatedPassword);
  });
});

describe('type-level guard', () => {
  it('data functions do not accept a hand-made viewer (checked by tsc)', () => {
    // @ts-expect-error a plain object is not a Viewer: only verifySessionToken makes one
    const call = () => listCandidates({ sessionId: 'x', staffUserId: 'x', email: 'x', name: 'x', role: 'admin' }, {}, {}, ctx);
    expect(typeof call).toBe('function');
  });
});
