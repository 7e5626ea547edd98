import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { db } from '@/lib/db/client';
import { handleExportRequest } from '@/lib/export/http';
import { requestLink } from '@/lib/candidates/links';
import { candidateFromRequest, openMyDataSession } from '@/lib/my-data/session';
import { myData } from '@/lib/my-data/data';
import { myDataFile } from '@/lib/my-data/document';
import { listCandidateSharings } from '@/lib/sharing/list';
import { recordSharing, SharingRefusedError } from '@/lib/sharing/record';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, insertPartner, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();

function exportRequest(query: string, token: string, headers: Record<string, string> = {}) {
  return new Request(`http://127.0.0.1:3000/api/staff/candidates/export?${query}`, {
    headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_session=${token}`, ...headers },
  });
}

async function arrange() {
  const admin = await createStaff('admin');
  const { token, viewer } = await signedIn(admin.email);
  const ids = await insertCandidates(testDb, [
    { email: 'ana@example.com', fullName: 'Ana Peña', englishLevel: 'B2', createdAt: '2026-11-20T15:00:00Z' },
    { email: 'luis@example.com', fullName: 'Luis Ortiz', englishLevel: 'C1', createdAt: '2026-11-21T15:00:00Z' },
    { email: 'marta@example.com', fullName: 'Marta Gil', englishLevel: 'B2', createdAt: '2026-11-22T15:00:00Z' },
    { email: 'revoked@example.com', fullName: 'Revocó', englishLevel: 'B2', createdAt: '2026-11-23T15:00:00Z', revoked: true },
  ]);
  return { admin, token, viewer, ids };
}

async function sharings() {
  return testDb.query<{ id: string; organization_id: string; purpose: string; staff_user_id: string; format: string; row_count: number }>(
    `SELECT id, organization_id, purpose, staff_user_id, format, row_count FROM sharings ORDER BY created_at, id`,
  );
}

async function sharedIds(sharingId: string): Promise<string[]> {
  const rows = await testDb.query<{ candidate_id: string }>(`SELECT candidate_id FROM sharing_candidates WHERE sharing_id = $1 ORDER BY candidate_id`, [sharingId]);
  return rows.map((r) => r.candidate_id);
}

async function candidateLink(email: string) {
  expect(await requestLink({ kind: 'my-data', email, locale: 'es', clientAddress: '198.51.100.77' })).toEqual({ ok: true });
  const [row] = await testDb.query<{ token: string }>(`SELECT payload->>'token' AS token FROM mail_outbox WHERE template = 'my-data-link' ORDER BY created_at DESC LIMIT 1`);
  const opened = await openMyDataSession(row!.token);
  if (!opened.ok) throw new Error(opened.reason);
  const link = await candidateFromRequest(new Request('http://127.0.0.1:3000/es/my-data/view', { headers: { host: '127.0.0.1:3000', cookie: `__Host-bt_mydata=${opened.cookieToken}` } }));
  return link!;
}

describe('sharing record of an export', () => {
  it('a CSV and an XLSX export each record their organization, purpose and exactly the candidates in the file; My data and the staff page list them', async () => {
    const { admin, token, viewer, ids } = await arrange();
    const partnerId = await insertPartner(testDb, { name: 'Contact Center Pacífico S.A.S.' });
    const purpose = 'Selección para vacantes de agente bilingüe, enero 2027';
    const query = (format: string, filters: string) => `format=${format}&locale=es&organization=${partnerId}&purpose=${encodeURIComponent(purpose)}&${filters}`;

    const csvResponse = await handleExportRequest(exportRequest(query('csv', 'englishLevel=B2'), token));
    expect(csvResponse.status).toBe(200);
    const csv = parse(new TextDecoder().decode(await csvResponse.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    const csvEmails = csv.map((r) => r['Correo'] ?? r['Correo electrónico'] ?? Object.values(r).find((v) => v.includes('@')));
    expect(csvEmails.sort()).toEqual(['ana@example.com', 'marta@example.com']);

    const xlsxResponse = await handleExportRequest(exportRequest(query('xlsx', 'englishLevel=C1'), token));
    expect(xlsxResponse.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const xlsxEmails: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) xlsxEmails.push(String(row.values instanceof Array ? row.values.find((v) => typeof v === 'string' && v.includes('@')) : ''));
    });
    expect(xlsxEmails).toEqual(['luis@example.com']);

    const recorded = await sharings();
    expect(recorded).toEqual([
      { id: csvResponse.headers.get('x-sharing-id'), organization_id: partnerId, purpose, staff_user_id: admin.id, format: 'csv', row_count: 2 },
      { id: xlsxResponse.headers.get('x-sharing-id'), organization_id: partnerId, purpose, staff_user_id: admin.id, format: 'xlsx', row_count: 1 },
    ]);
    expect(await sharedIds(recorded[0]!.id)).toEqual([ids[0]!, ids[2]!].sort());
    expect(await sharedIds(recorded[1]!.id)).toEqual([ids[1]!]);

    // The audit events carry the sharing's id (the candidates are in sharing_candidates), never a candidate list.
    const events = await testDb.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'candidates.export' ORDER BY id`);
    expect(events.map((e) => [e.details.sharingId, e.details.organizationId, e.details.rows])).toEqual([
      [recorded[0]!.id, partnerId, 2],
      [recorded[1]!.id, partnerId, 1],
    ]);
    expect(JSON.stringify(events)).not.toContain(ids[0]!);

    // Ana sees the CSV export on My data (and in her download); Luis the XLSX one; nobody else's.
    const ana = await myData(await candidateLink('ana@example.com'));
    expect(ana!.sharings).toEqual([{ createdAt: expect.any(Date), organization: 'Contact Center Pacífico S.A.S.', country: 'CO', receivesAs: 'processor', purpose, format: 'csv' }]);
    expect(JSON.parse(myDataFile(ana!, 'es', 'json').body).sharings).toHaveLength(1);
    expect(myDataFile(ana!, 'en', 'html').body).toContain('Contact Center Pacífico S.A.S.');
    const luis = await myData(await candidateLink('luis@example.com'));
    expect(luis!.sharings.map((s) => s.format)).toEqual(['xlsx']);
    expect((await listCandidateSharings(viewer, ids[0]!)).map((s) => [s.organization, s.purpose, s.staffName])).toEqual([['Contact Center Pacífico S.A.S.', purpose, 'Ada Admin']]);
    expect(await listCandidateSharings(viewer, ids[3]!)).toEqual([]);
  });

  it('refuses an export without an organization or a purpose, or for an unknown or archived one, and records nothing', async () => {
    const { token } = await arrange();
    const partnerId = await insertPartner(testDb);
    const archived = await insertPartner(testDb, { name: 'Archivada' });
    await testDb.query(`UPDATE partner_organizations SET archived_at = now() WHERE id = $1`, [archived]);
    const cases: [string, Record<string, string>][] = [
      ['format=csv', { organization: 'organizationRequired', purpose: 'purposeRequired' }],
      [`format=csv&organization=${partnerId}&purpose=%20%20`, { purpose: 'purposeRequired' }],
      [`format=csv&purpose=Selecci%C3%B3n`, { organization: 'organizationRequired' }],
      [`format=csv&organization=not-an-id&purpose=x`, { organization: 'organizationUnknown' }],
      [`format=csv&organization=${archived}&purpose=x`, { organization: 'organizationUnknown' }],
      [`format=xlsx&organization=00000000-0000-4000-8000-000000000000&purpose=x`, { organization: 'organizationUnknown' }],
      [`format=csv&organization=${partnerId}&purpose=${'x'.repeat(501)}`, { purpose: 'purposeTooLong' }],
    ];
    for (const [query, fields] of cases) {
      const response = await handleExportRequest(exportRequest(query, token));
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({ error: 'bad-request', fields });
    }
    // A browser's form submission goes back to the form with the errors and what was typed.
    const back = await handleExportRequest(exportRequest(`format=csv&locale=en&englishLevel=B2&purpose=Cohorte%20enero&organization=`, token, { 'sec-fetch-mode': 'navigate' }));
    expect(back.status).toBe(303);
    const location = new URL(back.headers.get('location')!, 'http://x');
    expect(location.pathname).toBe('/en/staff/candidates');
    expect(location.searchParams.get('purpose')).toBe('Cohorte enero');
    expect(location.searchParams.get('englishLevel')).toBe('B2');
    expect(location.searchParams.get('exportErrors')).toBe('organization:organizationRequired');
    expect(await sharings()).toEqual([]);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'candidates.export'`)).toEqual([{ n: 0 }]);
  });

  it('to an organization receiving as a controller, only candidates who authorized sharing with partners, and the count says so', async () => {
    const { token, ids } = await arrange();
    await testDb.query(`UPDATE candidates SET consent_purposes = consent_purposes || ARRAY['share-with-partners'] WHERE id = $1`, [ids[1]]);
    const controller = await insertPartner(testDb, { name: 'Employer Inc.', receivesAs: 'controller', country: 'US' });
    const response = await handleExportRequest(exportRequest(`format=csv&organization=${controller}&purpose=Hiring`, token));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-export-rows')).toBe('1');
    expect(response.headers.get('x-export-only-purpose')).toBe('share-with-partners');
    const rows = parse(new TextDecoder().decode(await response.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Object.values(r).find((v) => v.includes('@')))).toEqual(['luis@example.com']);
    const [sharing] = await sharings();
    expect(await sharedIds(sharing!.id)).toEqual([ids[1]!]);
  });
});

describe('recordSharing (a referral)', () => {
  it('records the candidates, the organization and the purpose with an audit event, in the caller transaction', async () => {
    const { admin, viewer, ids } = await arrange();
    const employer = await insertPartner(testDb);
    const { sharingId } = await db().$transaction((tx) => recordSharing(tx, { viewer, organizationId: employer, purpose: '  Remisión a la vacante\nde agente  ', candidateIds: [ids[0]!, ids[0]!] }));
    expect(await sharings()).toEqual([{ id: sharingId, organization_id: employer, purpose: 'Remisión a la vacante de agente', staff_user_id: admin.id, format: 'referral', row_count: 1 }]);
    expect(await sharedIds(sharingId)).toEqual([ids[0]!]);
    expect(await testDb.query(`SELECT details FROM audit_events WHERE action = 'candidates.share'`)).toEqual([
      { details: { sharingId, organizationId: employer, format: 'referral', rows: 1 } },
    ]);
    // A transaction that rolls back leaves no sharing.
    await expect(
      db().$transaction(async (tx) => {
        await recordSharing(tx, { viewer, organizationId: employer, purpose: 'x', candidateIds: [ids[1]!] });
        throw new Error('the referral failed');
      }),
    ).rejects.toThrow('the referral failed');
    expect(await sharings()).toHaveLength(1);
  });

  it('refuses revoked candidates, candidates without the partners purpose for a controller, unknown organizations; writes nothing', async () => {
    const { viewer, ids } = await arrange();
    const employer = await insertPartner(testDb);
    const controller = await insertPartner(testDb, { name: 'Controller S.A.', receivesAs: 'controller' });
    const refused = async (organizationId: string, candidateIds: string[], purpose = 'Remisión') => {
      const error = await db()
        .$transaction((tx) => recordSharing(tx, { viewer, organizationId, purpose, candidateIds }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SharingRefusedError);
      return error as SharingRefusedError;
    };
    expect((await refused(employer, [ids[0]!, ids[3]!])).candidateIds).toEqual([ids[3]!]);
    expect((await refused(controller, [ids[0]!])).reason).toBe('consentMissing');
    expect((await refused('00000000-0000-4000-8000-000000000000', [ids[0]!])).reason).toBe('organizationUnknown');
    expect((await refused(employer, [])).reason).toBe('noCandidates');
    expect((await refused(employer, [ids[0]!], ' ')).reason).toBe('purposeRequired');
    expect(await sharings()).toEqual([]);
    await testDb.query(`UPDATE candidates SET consent_purposes = consent_purposes || ARRAY['share-with-partners'] WHERE id = $1`, [ids[0]]);
    await db().$transaction((tx) => recordSharing(tx, { viewer, organizationId: controller, purpose: 'Remisión', candidateIds: [ids[0]!] }));
    expect(await sharings()).toHaveLength(1);
  });
});
