import { describe, expect, it } from 'vitest';
import { auditPageSize, burstThreshold, listAuditEvents } from '@/lib/audit/query';
import { parseAuditFilters } from '@/lib/audit/filters';
import { ForbiddenError } from '@/lib/staff/session';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();

async function event(action: string, at: string, fields: { email?: string | null; ip?: string | null; details?: object } = {}) {
  await testDb.query(`INSERT INTO audit_events (actor_email, action, details, ip_address, created_at) VALUES ($1, $2, $3, $4, $5)`, [
    fields.email ?? null,
    action,
    JSON.stringify(fields.details ?? {}),
    fields.ip ?? null,
    at,
  ]);
}

/** `count` failed sign-ins, `gapSeconds` apart, from `start`. */
async function failures(count: number, start: string, gapSeconds: number, fields: (i: number) => { email?: string; ip?: string }) {
  for (let i = 0; i < count; i++) {
    await event('staff.sign-in-failed', new Date(Date.parse(start) + i * gapSeconds * 1000).toISOString(), { ...fields(i), details: { reason: 'wrong-password' } });
  }
}

async function admin() {
  const account = await createStaff('admin');
  return (await signedIn(account.email)).viewer;
}

describe('the audit log', () => {
  it('is for admins only', async () => {
    await createStaff('staff');
    const { viewer } = await signedIn('staff@agency.example');
    await expect(listAuditEvents(viewer, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('filters by action, by person (email, address or id) and by day in Colombia', async () => {
    const viewer = await admin();
    const candidate = '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70';
    await event('candidate.view', '2026-11-20T04:59:00Z', { email: 'ana@agency.example', ip: '203.0.113.7', details: { candidateId: candidate, found: true } });
    await event('candidate.view', '2026-11-20T05:00:00Z', { email: 'luis@agency.example', ip: '203.0.113.8', details: { candidateId: candidate, found: true } });
    await event('candidates.export', '2026-11-21T04:59:59Z', { email: 'ana@agency.example', ip: '203.0.113.7', details: { format: 'csv', rows: 3 } });
    await event('staff.unlock', '2026-11-21T12:00:00Z', { email: 'luis@agency.example', details: { accountId: '5f0c2b1e-0000-4000-8000-000000000001', email: 'ana@agency.example' } });
    const actions = async (query: Record<string, string>) =>
      (await listAuditEvents(viewer, parseAuditFilters(query).filters)).rows.filter((r) => !r.action.startsWith('staff.sign-in')).map((r) => `${r.action} ${r.actorEmail}`);

    expect(await actions({ action: 'candidate.view' })).toEqual(['candidate.view luis@agency.example', 'candidate.view ana@agency.example']);
    // Part of an email, of the one who acted or of the account acted on.
    expect(await actions({ person: 'ANA@' })).toEqual(['staff.unlock luis@agency.example', 'candidates.export ana@agency.example', 'candidate.view ana@agency.example']);
    expect(await actions({ person: '203.0.113.8' })).toEqual(['candidate.view luis@agency.example']);
    expect(await actions({ person: candidate.toUpperCase() })).toEqual(['candidate.view luis@agency.example', 'candidate.view ana@agency.example']);
    // 04:59 UTC on the 20th is the 19th in Colombia (UTC−5); the 20th runs until 04:59:59 UTC on the 21st.
    expect(await actions({ from: '2026-11-20', to: '2026-11-20' })).toEqual(['candidates.export ana@agency.example', 'candidate.view luis@agency.example']);
    expect(await actions({ to: '2026-11-19' })).toEqual(['candidate.view ana@agency.example']);
    // "%" and "_" are letters here, not patterns.
    expect(await actions({ person: '%' })).toEqual([]);
    expect(parseAuditFilters({ action: 'made.up', from: '2026-02-30', person: 'x' })).toEqual({ filters: { person: 'x' }, ignored: ['action', 'from'] });
  });

  it('pages through older events by keyset, without repeats or gaps', async () => {
    const viewer = await admin();
    const total = auditPageSize * 2 + 7;
    await testDb.query(
      `INSERT INTO audit_events (actor_email, action, details, created_at)
       SELECT 'ana@agency.example', 'candidate.view', jsonb_build_object('n', g), now() - g * interval '1 minute' FROM generate_series(1, $1) g`,
      [total],
    );
    const seen: string[] = [];
    let before: bigint | undefined;
    let pages = 0;
    for (;;) {
      const page = await listAuditEvents(viewer, { action: 'candidate.view' }, before);
      pages++;
      seen.push(...page.rows.map((r) => r.id));
      if (!page.olderThan) break;
      expect(page.rows).toHaveLength(auditPageSize);
      before = BigInt(page.olderThan);
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => Number(BigInt(b) - BigInt(a))));
  });

  it(`flags ${burstThreshold} or more failed sign-ins for one account or from one address within 15 minutes`, async () => {
    const viewer = await admin();
    const start = new Date(Date.now() - 2 * 3_600_000).toISOString();
    // A burst on one account, from addresses that change every time.
    await failures(burstThreshold, start, 90, (i) => ({ email: 'Target@Agency.example', ip: `198.51.100.${100 + i}` }));
    // A burst from one address, on a different email every time.
    await failures(burstThreshold + 2, start, 30, (i) => ({ email: `guess${i}@agency.example`, ip: '192.0.2.66' }));
    // Not bursts: one fewer than the threshold; the threshold spread over more than 15 minutes.
    await failures(burstThreshold - 1, start, 60, () => ({ email: 'almost@agency.example', ip: '198.51.100.1' }));
    await failures(burstThreshold, start, 120, () => ({ email: 'slow@agency.example', ip: '198.51.100.2' }));
    // Long ago: outside the last week.
    await failures(burstThreshold, '2026-01-05T10:00:00Z', 10, () => ({ email: 'old@agency.example', ip: '198.51.100.3' }));

    const { bursts } = await listAuditEvents(viewer, {});
    expect(bursts.map((b) => [b.kind, b.key, b.most]).sort()).toEqual([
      ['account', 'target@agency.example', burstThreshold],
      ['address', '192.0.2.66', burstThreshold + 2],
    ]);
    const address = bursts.find((b) => b.kind === 'address')!;
    expect(address.firstAt.getTime()).toBe(Date.parse(start) + (burstThreshold - 1) * 30_000);
    expect(address.lastAt.getTime()).toBe(Date.parse(start) + (burstThreshold + 1) * 30_000);
    // With days chosen, bursts are looked for in those days.
    const january = await listAuditEvents(viewer, { from: '2026-01-05', to: '2026-01-05' });
    expect(january.bursts.map((b) => [b.kind, b.key])).toEqual([
      ['account', 'old@agency.example'],
      ['address', '198.51.100.3'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  });
});
