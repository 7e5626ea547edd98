import { readFile } from 'node:fs/promises';
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listCandidates } from '@/lib/candidates/query';
import { parseCandidateFilters } from '@/lib/candidates/filters';
import { handleExportRequest } from '@/lib/export/http';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, insertPartner, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();
const key = 'k'.repeat(40);
afterEach(() => {
  delete process.env.AUDIT_HMAC_KEY;
});

async function searchAndExport(text: string) {
  const admin = await createStaff('admin');
  const { token, viewer } = await signedIn(admin.email);
  await insertCandidates(testDb, [{ email: 'ana.pena@example.com', fullName: 'Ana María Peña' }]);
  const { filters } = parseCandidateFilters(new URLSearchParams({ q: text, englishLevel: 'B2' }));
  const page = await listCandidates(viewer, filters, {}, { ipAddress: null });
  expect(page.count).toBe(1);
  const partnerId = await insertPartner(testDb, { name: `Aliado ${text}` });
  const response = await handleExportRequest(
    new Request(`http://127.0.0.1:3000/api/staff/candidates/export?format=csv&organization=${partnerId}&purpose=Selecci%C3%B3n&q=${encodeURIComponent(text)}`, {
      headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_session=${token}` },
    }),
  );
  expect(response.status).toBe(200);
  await response.text();
}

describe('the audit of a search', () => {
  it('records which filters were used, never the text searched for', async () => {
    await searchAndExport('Peña');
    const rows = await testDb.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_events WHERE action IN ('candidates.list', 'candidates.export') ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['candidates.list', 'candidates.export']);
    expect(rows[0]!.details).toMatchObject({ filters: { englishLevel: ['B2'] }, filtersUsed: ['q', 'englishLevel'] });
    expect(rows[1]!.details).toMatchObject({ filtersUsed: ['q'] });
    for (const row of rows) expect(row.details).not.toHaveProperty('searchHmac');
    // Nowhere in the log, in any form.
    const everything = await testDb.query<{ text: string }>(`SELECT details::text || coalesce(actor_email, '') AS text FROM audit_events`);
    for (const { text } of everything) expect(text.toLowerCase()).not.toMatch(/pe(ñ|\\u00f1)a/);
  });

  it('keeps a keyed HMAC of the text when a key is configured, which a later inquiry can check', async () => {
    process.env.AUDIT_HMAC_KEY = key;
    await searchAndExport('Peña');
    const rows = await testDb.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'candidates.list'`);
    const expected = createHmac('sha256', key).update('peña').digest('hex');
    expect(rows[0]!.details.searchHmac).toBe(expected);
    const everything = await testDb.query<{ text: string }>(`SELECT string_agg(details::text, ' ') AS text FROM audit_events`);
    expect(everything[0]!.text.toLowerCase()).not.toContain('peña');
  });

  it('the migration takes the search text out of events written before', async () => {
    await testDb.query(
      `INSERT INTO audit_events (action, details) VALUES
         ('candidates.list', '{"filters": {"q": "Peña", "municipality": "76001"}, "page": 1}'),
         ('candidates.export', '{"filters": {"municipality": "76001"}, "rows": 3}')`,
    );
    const migration = await readFile('prisma/migrations/20261203160001_audit_search_scrub.sql', 'utf8');
    await testDb.query(migration.split('-- migrate:down')[0]!);
    const rows = await testDb.query<{ details: unknown }>(`SELECT details FROM audit_events ORDER BY id`);
    expect(rows.map((r) => r.details)).toEqual([
      { filters: { municipality: '76001' }, page: 1, searchTextRemoved: true },
      { filters: { municipality: '76001' }, rows: 3 },
    ]);
    // And the log is append-only again.
    await expect(testDb.query(`UPDATE audit_events SET details = '{}'`)).rejects.toThrow(/append-only/);
  });
});
