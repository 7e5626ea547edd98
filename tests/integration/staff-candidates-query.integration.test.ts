import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit/query';
import { getCandidate, listCandidates, pageSize } from '@/lib/candidates/query';
import { candidateStats } from '@/lib/candidates/stats';
import { parseCandidateFilters } from '@/lib/candidates/filters';
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
      (await listCandidates(viewer, parseCandidateFilters(new URLSearchParams(query)).filters, 1, ctx)).rows.map((r) => r.id);
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
    const first = await listCandidates(viewer, {}, 1, ctx);
    expect(first.total).toBe(63);
    expect(first.pageCount).toBe(Math.ceil(63 / pageSize));
    expect(first.rows).toHaveLength(pageSize);
    const last = await listCandidates(viewer, {}, 99, ctx);
    expect(last.page).toBe(first.pageCount);
    expect(last.rows).toHaveLength(63 - (first.pageCount - 1) * pageSize);
    const times = first.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Math.max(...last.rows.map((r) => r.createdAt.getTime())));
    const events = await testDb.query<{ action: string; details: { page: number; rows: number; total: number } }>(
      `SELECT action, details FROM audit_events WHERE action = 'candidates.list' ORDER BY id`,
    );
    expect(events.map((e) => [e.details.page, e.details.total])).toEqual([[1, 63], [first.pageCount, 63]]);
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
