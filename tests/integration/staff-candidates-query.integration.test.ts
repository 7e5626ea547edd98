import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit/query';
import { getCandidate, listCandidates, pageSize } from '@/lib/candidates/query';
import { candidateStats } from '@/lib/candidates/stats';
import { parseCandidateFilters, parseListView } from '@/lib/candidates/filters';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, insertManyCandidates, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const ctx = { ipAddress: '198.51.100.1' };

async function arrange() {
  const staff = await createStaff('staff');
  const { viewer } = await signedIn(staff.email);
  const ids = await insertCandidates(testDb, [
    { email: 'ana@example.com', fullName: 'Ana María Peña', englishLevel: 'B2', municipality: '76001', interests: ['technology'], programs: ['hello-valle'], createdAt: '2026-11-02T04:30:00Z' },
    { email: 'beto@example.com', fullName: 'Alberto Ruiz', englishLevel: 'C1', municipality: '76520', interests: ['contact-center'], programs: ['cali-open-to-work'], createdAt: '2026-11-10T15:00:00Z' },
    { email: 'carla_100%@example.com', fullName: 'Carla Gómez', englishLevel: 'A2', municipality: 'other', interests: ['software-development'], programs: [], createdAt: '2026-11-20T15:00:00Z', revoked: true },
  ]);
  return { viewer, ids };
}

describe('finding candidates', () => {
  it('filters by name or email, level, municipality, interest, program, dates and consent', async () => {
    const { viewer, ids } = await arrange();
    const find = async (query: string) =>
      (await listCandidates(viewer, parseCandidateFilters(new URLSearchParams(query)).filters, {}, ctx)).rows.map((r) => r.id);
    expect(await find('')).toEqual([ids[2], ids[1], ids[0]]);
    expect(await find('q=peña')).toEqual([ids[0]]);
    expect(await find('q=BETO@')).toEqual([ids[1]]);
    // LIKE wildcards in the search are plain characters.
    expect(await find('q=_100%25')).toEqual([ids[2]]);
    expect(await find('q=%25')).toEqual([ids[2]]);
    expect(await find('englishLevel=B2&englishLevel=C1')).toEqual([ids[1], ids[0]]);
    expect(await find('municipality=other')).toEqual([ids[2]]);
    expect(await find('interest=contact-center')).toEqual([ids[1]]);
    expect(await find('program=hello-valle')).toEqual([ids[0]]);
    // 2026-11-02T04:30Z is still 1 November in Colombia.
    expect(await find('to=2026-11-01')).toEqual([ids[0]]);
    expect(await find('from=2026-11-02&to=2026-11-10')).toEqual([ids[1]]);
    expect(await find('consent=active')).toEqual([ids[1], ids[0]]);
    expect(await find('consent=revoked')).toEqual([ids[2]]);
  });

  it('pages newest first and records each search in the audit log', async () => {
    const { viewer } = await arrange();
    await insertManyCandidates(testDb, 60);
    const first = await listCandidates(viewer, {}, {}, ctx);
    expect(first).toMatchObject({ count: 63, countExact: true, previousBefore: null });
    expect(first.rows).toHaveLength(pageSize);
    const second = await listCandidates(viewer, {}, { after: first.nextAfter! }, ctx);
    const third = await listCandidates(viewer, {}, { after: second.nextAfter! }, ctx);
    expect(third.rows).toHaveLength(63 - 2 * pageSize);
    expect(third.nextAfter).toBeNull();
    const times = [...first.rows, ...second.rows, ...third.rows].map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const events = await testDb.query<{ action: string; details: { after: string | null; rows: number; count: number } }>(
      `SELECT action, details FROM audit_events WHERE action = 'candidates.list' ORDER BY id`,
    );
    expect(events.map((e) => [e.details.after, e.details.rows, e.details.count])).toEqual([
      [null, pageSize, 63],
      [first.nextAfter, pageSize, 63],
      [second.nextAfter, 13, 63],
    ]);
  });

  it('filters by level at least, age range and status, sorted on a column', async () => {
    const { viewer, ids } = await arrange();
    const year = Number(new Date().toLocaleString('en-US', { timeZone: 'America/Bogota', year: 'numeric' }));
    await testDb.query(`UPDATE candidates SET birth_year = $2 WHERE id = $1`, [ids[0], year - 30]);
    await testDb.query(`UPDATE candidates SET birth_year = $2 WHERE id = $1`, [ids[1], year - 50]);
    const find = async (query: string) => {
      const params = new URLSearchParams(query);
      return (await listCandidates(viewer, parseCandidateFilters(params).filters, parseListView(params), ctx)).rows.map((r) => r.id);
    };
    expect(await find('levelMin=B2')).toEqual([ids[1], ids[0]]);
    expect(await find('levelMin=B2&ageMax=45')).toEqual([ids[0]]);
    expect(await find('ageMin=30&ageMax=30')).toEqual([ids[0]]);
    expect(await find('ageMin=46')).toEqual([ids[1]]);
    expect(await find('sort=name')).toEqual([ids[1], ids[0], ids[2]]);
    expect(await find('sort=name&dir=desc')).toEqual([ids[2], ids[0], ids[1]]);
    expect(await find('sort=englishLevel&dir=desc&consent=active')).toEqual([ids[1], ids[0]]);
  });

  it('shows a candidate with every submission and consent evidence, and audits the look', async () => {
    const { viewer, ids } = await arrange();
    const candidate = await getCandidate(viewer, ids[2]!, ctx);
    expect(candidate).toMatchObject({ email: 'carla_100%@example.com', consentInForce: false });
    expect(candidate!.submissions).toHaveLength(1);
    expect(candidate!.consents[0]).toMatchObject({
      policyVersion: '2026-11-01',
      ipAddress: '203.0.113.9',
      userAgent: 'Firefox',
      notice: { policyVersion: '2026-11-01', locale: 'es' },
    });
    expect(candidate!.consents[0]!.notice.text).toContain('Invest Pacific');
    expect(candidate!.consents[0]!.revokedAt).toBeInstanceOf(Date);
    expect(await getCandidate(viewer, '00000000-0000-0000-0000-000000000000', ctx)).toBeNull();
    const events = await testDb.query<{ details: unknown }>(`SELECT details FROM audit_events WHERE action = 'candidate.view' ORDER BY id`);
    expect(events.map((e) => e.details)).toEqual([
      { candidateId: ids[2], found: true },
      { candidateId: '00000000-0000-0000-0000-000000000000', found: false },
    ]);
  });

  it('counts for the dashboard: totals, weeks, levels, places, interests, programs', async () => {
    const { viewer } = await arrange();
    const stats = await candidateStats(viewer);
    expect(stats).toMatchObject({ total: 3, consentInForce: 2, consentRevoked: 1 });
    expect(stats.weekly).toHaveLength(12);
    expect(stats.byEnglishLevel).toEqual([
      { key: 'A2', count: 1 },
      { key: 'B2', count: 1 },
      { key: 'C1', count: 1 },
    ]);
    expect(stats.byMunicipality.map((m) => m.key).sort()).toEqual(['76001', '76520', 'other']);
    expect(stats.byInterest).toHaveLength(3);
    expect(stats.byProgram).toEqual(expect.arrayContaining([{ key: 'hello-valle', count: 1 }]));
  });

  it('the audit log is for admins, newest first', async () => {
    const admin = await createStaff('admin');
    const { viewer } = await signedIn(admin.email);
    const log = await listAuditEvents(viewer, {});
    expect(log.rows.map((r) => r.action)).toEqual(['staff.sign-in', 'staff.create']);
  });
});
