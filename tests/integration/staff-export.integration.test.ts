import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { clientAddressProof, installClientAddressHook } from '@/lib/security/client-address-hook';
import { handleExportRequest } from '@/lib/export/http';
import { openCandidateExport } from '@/lib/candidates/query';
import { exportColumns, exportHeaders, exportLabels } from '@/lib/export/columns';
import { csvRecord } from '@/lib/export/csv';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, insertManyCandidates, insertPartner, sharingFor, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();

function hookProof(): string {
  installClientAddressHook({ TRUSTED_PROXIES: '' });
  return clientAddressProof()!;
}

afterEach(() => {
  delete process.env.STAFF_EXPORT_ROLES;
});

// The partner organization the tests' exports are for (each test has a database of its own).
let partnerId = '';
beforeEach(() => {
  partnerId = '';
});

/** The export URL with `query`, naming the test's partner organization and a purpose unless `recipient` is false. */
function exportRequest(query: string, token?: string, headers: Record<string, string> = {}, recipient = true) {
  const named = recipient && partnerId ? `${query}&organization=${partnerId}&purpose=${encodeURIComponent('Selección de agentes bilingües')}` : query;
  return new Request(`http://127.0.0.1:3000/api/staff/candidates/export?${named}`, {
    headers: { host: '127.0.0.1:3000', ...(token ? { cookie: `__Host-bt_session=${token}` } : {}), ...headers },
  });
}

async function arrange() {
  partnerId = await insertPartner(testDb);
  const admin = await createStaff('admin');
  const { token } = await signedIn(admin.email);
  const ids = await insertCandidates(testDb, [
    { email: 'formula@example.com', fullName: '=HYPERLINK("http://x","y")', createdAt: '2026-11-20T15:00:00Z', englishLevel: 'B2' },
    { email: 'phone-name@example.com', fullName: '+57 300 123 4567', createdAt: '2026-11-21T15:00:00Z', englishLevel: 'C1', municipality: '76520' },
    { email: 'ana@example.com', fullName: 'Ana María Peña Tuluá', phone: '+573109876543', createdAt: '2026-11-22T15:00:00Z', englishLevel: 'B1', interests: ['technology', 'software-development'], programs: ['hello-valle', 'cali-open-to-work'] },
    { email: 'revoked@example.com', fullName: 'Revocó Consentimiento', createdAt: '2026-11-23T15:00:00Z', revoked: true },
    { email: 'abroad@example.com', fullName: 'Abroad', phone: '+14155552671', createdAt: '2026-11-19T15:00:00Z', locale: 'en' },
  ]);
  return { admin, token, ids };
}

describe('candidate export (GET /api/staff/candidates/export)', () => {
  it('answers 401 with JSON without a session or with a dead one', async () => {
    for (const request of [exportRequest('format=csv'), exportRequest('format=csv', 'x'.repeat(43))]) {
      const response = await handleExportRequest(request);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('answers 403 to a role that may not export, 400 to an unknown format', async () => {
    await createStaff('staff');
    const { token } = await signedIn('staff@agency.example');
    process.env.STAFF_EXPORT_ROLES = 'admin';
    const forbidden = await handleExportRequest(exportRequest('format=csv', token));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: 'forbidden' });
    delete process.env.STAFF_EXPORT_ROLES;
    expect((await handleExportRequest(exportRequest('format=pdf', token))).status).toBe(400);
    expect((await handleExportRequest(exportRequest('format=csv', token, { 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect(await testDb.query(`SELECT 1 FROM audit_events WHERE action = 'candidates.export'`)).toEqual([]);
  });

  it('writes a CSV Excel opens cleanly: BOM, CRLF, header, neutralized formulas, phones and versions read as text', async () => {
    const { token, ids } = await arrange();
    const response = await handleExportRequest(exportRequest('format=csv&locale=es', token));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    // Named in the staff member's language, with the date and time in Colombia.
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="candidatos-\d{4}-\d{2}-\d{2}-\d{4}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.slice(1).split('\r\n')[0]).toContain('"Nombre completo"');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);

    const rows: string[][] = parse(text, { bom: true });
    const [header, ...body] = rows;
    expect(header).toEqual([
      'ID', 'Nombre completo', 'Correo electrónico', 'Teléfono', 'Código DANE', 'Municipio', 'Año de nacimiento',
      'Nivel de inglés', 'Intereses', 'Programas', 'Idioma', 'Inscripción (hora de Colombia)',
      'Última actualización (hora de Colombia)', 'Consentimiento otorgado (hora de Colombia)', 'Versión de la política de privacidad',
    ]);
    // Newest first; the candidate whose consent was revoked is not exported.
    expect(body.map((r) => r[0])).toEqual([ids[2], ids[1], ids[0], ids[4]]);
    const [ana, phoneName, formula, abroad] = body as [string[], string[], string[], string[]];
    // What a person typed that a spreadsheet would run keeps the OWASP quote...
    expect(formula[1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(phoneName[1]).toBe(`'+57 300 123 4567`);
    expect(ana[1]).toBe('Ana María Peña Tuluá');
    // ...and phone numbers need none: they begin with the country code in brackets.
    expect(ana[3]).toBe('(+57) 310 987 6543');
    expect(formula[3]).toBe('(+57) 300 123 4567');
    expect(abroad[3]).toBe('(+1) 4155552671');
    expect(ana.slice(4, 11)).toEqual(['76001', 'Santiago de Cali', '1995', 'B1', 'Tecnología; Desarrollo de software', 'Hello Valle!; Cali Open to Work', 'Español']);
    expect(abroad[10]).toBe('Inglés');
    expect(ana[11]).toBe('2026-11-22 10:00:00');
    // The policy version is not a number (1.0 → 1) nor a date to a spreadsheet.
    expect(ana[14]).toBe('v2026-11-01');
    expect(text).toContain(',"(+57) 310 987 6543",');
    expect(text).not.toContain(`"'(`);
    // No cell, once read, starts a formula.
    for (const cell of body.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes a real XLSX workbook with typed columns, text as text without a quote, columns as wide as their headers', async () => {
    const { token, ids } = await arrange();
    const response = await handleExportRequest(exportRequest('format=xlsx&locale=en', token));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="candidates-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Candidates')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(2).value).toBe('Full name');
    sheet.getRow(1).eachCell((cell, n) => expect(sheet.getColumn(n).width).toBeGreaterThanOrEqual(String(cell.value).length + 2));
    const ana = sheet.getRow(2);
    expect(ana.getCell(1).value).toBe(ids[2]);
    expect(ana.getCell(2).value).toBe('Ana María Peña Tuluá');
    expect(ana.getCell(4).value).toBe('(+57) 310 987 6543');
    expect(ana.getCell(11).value).toBe('Spanish');
    expect(ana.getCell(15).value).toBe('v2026-11-01');
    expect(ana.getCell(7).value).toBe(1995);
    expect(ana.getCell(9).value).toBe('Technology; Software development');
    const signedUp = ana.getCell(12).value as Date;
    expect(signedUp).toBeInstanceOf(Date);
    // Colombia's wall clock (UTC−5), as Excel shows it.
    expect(signedUp.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    // Text cells hold what was typed, with no quote, and are strings: a string cell is never run as a formula.
    const phoneName = sheet.getRow(3).getCell(2);
    const formula = sheet.getRow(4).getCell(2);
    expect(phoneName.value).toBe('+57 300 123 4567');
    expect(formula.value).toBe('=HYPERLINK("http://x","y")');
    for (const cell of [phoneName, formula]) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    }
    expect(sheet.getRow(5).getCell(4).value).toBe('(+1) 4155552671');
    for (let row = 2; row <= 5; row++) {
      sheet.getRow(row).eachCell((cell) => expect(String(cell.value)).not.toMatch(/^'/));
    }
  });

  it('applies the same filters as the table and records who exported what', async () => {
    const { admin, token, ids } = await arrange();
    const response = await handleExportRequest(
      // The address as the client-address hook in front of Next vouches for it (a bare X-Forwarded-For is not
      // believed: tests/integration/staff-sign-in-attacks.integration.test.ts).
      exportRequest('format=csv&englishLevel=C1&englishLevel=B2&englishLevel=Z9&municipality=76520&from=2026-11-01&to=2026-11-30', token, {
        'x-bt-client-address': '203.0.113.50',
        'x-bt-client-proof': hookProof(),
      }),
    );
    expect(response.headers.get('x-export-rows')).toBe('1');
    expect(response.headers.get('x-ignored-filters')).toBe('englishLevel');
    const rows: string[][] = parse(await response.text(), { bom: true });
    expect(rows.slice(1).map((r) => r[0])).toEqual([ids[1]]);
    const events = await testDb.query<{ actor_id: string; actor_email: string; details: unknown; ip_address: string; created_at: Date }>(
      `SELECT actor_id, actor_email, details, ip_address, created_at FROM audit_events WHERE action = 'candidates.export'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_id: admin.id,
      actor_email: admin.email,
      ip_address: '203.0.113.50',
      details: {
        format: 'csv',
        rows: 1,
        locale: 'es',
        filters: { englishLevel: ['C1', 'B2'], municipality: '76520', from: '2026-11-01', to: '2026-11-30' },
      },
    });
  });

  it('exports nothing when the filter asks for revoked consents', async () => {
    const { token } = await arrange();
    const response = await handleExportRequest(exportRequest('format=csv&consent=revoked', token));
    const rows: string[][] = parse(await response.text(), { bom: true });
    expect(rows).toHaveLength(1);
  });

  it('writes in SQL (COPY) exactly the CSV the column definitions give, in both languages', async () => {
    const { token, viewer } = await arrange().then(async (a) => ({ ...a, viewer: (await signedIn(a.admin.email)).viewer }));
    await insertCandidates(testDb, [
      { email: 'quotes@example.com', fullName: 'Luz "La Flaca", Ortiz', municipality: 'other', interests: ['contact-center'], programs: [] },
      { email: '-dash@example.com', fullName: '@handle', phone: '-300', createdAt: '2026-01-01T04:59:59.999Z' },
      { email: 'uk@example.com', fullName: 'UK', phone: '+442071838750', locale: 'en' },
      { email: 'short@example.com', fullName: 'Short', phone: '+5730012' },
      { email: 'plus@example.com', fullName: 'Plus', phone: '+=1+1' },
      { email: 'odd@example.com', fullName: 'Odd', phone: '+573=ñ😀456789' },
    ]);
    for (const locale of ['es', 'en'] as const) {
      const source = await openCandidateExport(viewer, {}, sharingFor(await insertPartner(testDb, { name: `Aliado ${Math.random()}` })));
      const labels = exportLabels(locale);
      let expected = '\uFEFF' + csvRecord(exportHeaders(locale));
      for await (const batch of source.batches()) {
        for (const row of batch) expected += csvRecord(exportColumns.map((c) => c.value(row, labels)));
      }
      const response = await handleExportRequest(exportRequest(`format=csv&locale=${locale}`, token));
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe(expected);
    }
  });

  it('records a download that stopped early, with the rows sent', async () => {
    const { token } = await arrange();
    await insertManyCandidates(testDb, 2_000);
    const response = await handleExportRequest(exportRequest('format=csv', token));
    expect(response.headers.get('x-export-rows')).toBe('2004');
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const events = await testDb.query<{ details: { rowsSent: number; rows: number } }>(
      `SELECT details FROM audit_events WHERE action = 'candidates.export-incomplete'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.details.rows).toBe(2004);
    expect(events[0]!.details.rowsSent).toBeGreaterThan(0);
    expect(events[0]!.details.rowsSent).toBeLessThan(2004);
    // The export's connection was released. A dropped connection's server process leaves pg_stat_activity a
    // moment after the client has seen the socket close, so this is polled.
    await expect
      .poll(() => testDb.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'bilingual-talent-export'`), { timeout: 5_000 })
      .toEqual([]);
  });
});
