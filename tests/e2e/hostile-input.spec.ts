// Hostile input over HTTP: posts no browser would send to the no-JavaScript sign-up route, and names made of
// markup and formulas shown to staff and exported. Answers are never a 500; names are always literal text.
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import en from '@/messages/en.json' with { type: 'json' };
import es from '@/messages/es.json' with { type: 'json' };
import { hostileCandidates as seeded, sharedPayload } from '../support/hostile-candidates.ts';
import { e2eState, exportRecipient, queryDb } from './support';
import { addressFor, goodAnswers, uniqueEmail } from './talent-support';

const messages = { en, es } as const;
const hostileCandidates = seeded('staff-e2e.test');

test.describe('hostile posts to the no-JavaScript sign-up route', () => {
  test('are refused with the right status and a message in the page language, never a 500, and store nothing', async ({ page, request }) => {
    const email = uniqueEmail('hostile-post');
    const form = { ...goodAnswers, interests: 'technology', adult: 'yes', consent: 'yes', email };
    const { fullName: _name, ...withoutName } = form;
    const encoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    let n = 0;
    const post = (locale: 'es' | 'en', body: string | Buffer, contentType: string | null = 'application/x-www-form-urlencoded') =>
      request.post(`/${locale}/talent/submit`, {
        data: body,
        // Each post from its own address: the sign-up rate limit (10 per address) is not what is tested here.
        headers: { 'x-forwarded-for': addressFor(`hostile-post-${n++}`), ...(contentType ? { 'content-type': contentType } : {}) },
        maxRedirects: 0,
      });

    for (const locale of ['es', 'en'] as const) {
      const t = messages[locale].TalentForm;
      const nameRefused = t.errors.fullName.invalid;
      const cases: [string, Promise<Awaited<ReturnType<typeof post>>>, number, string | null][] = [
        ['NUL in the name', post(locale, encoded({ ...form, fullName: 'Ana\u0000Pérez' })), 422, nameRefused],
        ['a right-to-left override in the name', post(locale, encoded({ ...form, fullName: 'Ana \u202ezeréP' })), 422, nameRefused],
        // Bytes that are not UTF-8 arrive as U+FFFD, which a name may not hold.
        ['invalid UTF-8 in the name', post(locale, Buffer.concat([Buffer.from(`${encoded(withoutName)}&fullName=Ana`), Buffer.from([0xff, 0xc3, 0x28])])), 422, nameRefused],
        ['broken percent-encoding', post(locale, `${encoded(withoutName)}&fullName=Ana%FF%E0%A4%`), 422, nameRefused],
        ['a field sent twice', post(locale, `${encoded({ ...form, fullName: 'Ana Pérez' })}&fullName=Other`), 422, t.errors.fullName.required],
        ['every field missing', post(locale, ''), 422, t.errors.fullName.required],
        ['a megabyte in the name', post(locale, encoded({ ...form, fullName: 'A'.repeat(1024 * 1024) })), 413, t.status.tooLarge],
        ['JSON instead of a form', post(locale, JSON.stringify(form), 'application/json'), 400, null],
        ['multipart without a boundary', post(locale, encoded(form), 'multipart/form-data'), 400, null],
        ['a body without a form content type', post(locale, encoded(form), null), 400, null],
      ];
      for (const [what, pending, status, message] of cases) {
        const response = await pending;
        expect(response.status(), `${locale}: ${what}`).toBe(status);
        const html = await response.text();
        expect(html, `${locale}: ${what}`).toContain(`lang="${locale}"`);
        if (message) expect(html, `${locale}: ${what}`).toContain(message);
      }
    }
    expect(await queryDb(`SELECT 1 FROM candidates WHERE email = $1`, [email])).toEqual([]);

    // A name written as markup comes back in the form as text, not as elements.
    const dialogs = collectDialogs(page);
    const fullName = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    const response = await post('en', encoded({ ...form, fullName, consent: '' }));
    expect(response.status()).toBe(422);
    await page.setContent(await response.text(), { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#signup-fullName')).toHaveValue(fullName);
    expect(await injected(page)).toEqual({ handlers: 0, scripts: 0 });
    expect(dialogs).toEqual([]);
  });
});

function collectDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Elements a name could have smuggled into the page: event-handler attributes and scripts that alert. */
function injected(page: Page) {
  return page.evaluate(() => ({
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    // Next's own inline scripts carry the page data, names included, as JSON strings: only a script that IS a
    // payload counts.
    scripts: [...document.scripts].filter((s) => /^\s*alert\(/.test(s.textContent ?? '')).length,
  }));
}

test.describe('names written as markup and formulas, seen by staff', () => {
  test('render as literal text on every staff page that shows names, and export as literal, neutralized text', async ({ page }) => {
    const dialogs = collectDialogs(page);
    const load = { waitUntil: 'domcontentloaded' } as const;
    const { email, password } = e2eState().staff.admin;
    await page.goto('/en/staff/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/en\/staff$/);
    expect(await injected(page)).toEqual({ handlers: 0, scripts: 0 });

    // The list, searched by the markup itself (so the search lands in the audit log too).
    await page.goto(`/en/staff/candidates?englishLevel=C2&q=${encodeURIComponent(sharedPayload)}`, load);
    for (const { fullName } of hostileCandidates) await expect(page.getByText(fullName, { exact: true })).toBeVisible();
    expect(await injected(page)).toEqual({ handlers: 0, scripts: 0 });

    // Each detail page: the heading and the submission history.
    const rows = await queryDb<{ id: string; full_name: string }>(`SELECT id, full_name FROM candidates WHERE english_level = 'C2' AND email LIKE 'hostile%' ORDER BY email`);
    expect(rows.map((r) => r.full_name)).toEqual(hostileCandidates.map((c) => c.fullName));
    for (const { id, full_name } of rows) {
      await page.goto(`/en/staff/candidates/${id}`, load);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(full_name);
      expect(await injected(page)).toEqual({ handlers: 0, scripts: 0 });
    }

    // The audit log says, in words, that a search by name or email was made, and never holds or shows its text.
    await page.goto('/en/staff/audit', load);
    await expect(page.getByText('Searched by name or email (the text itself is not kept).').first()).toBeVisible();
    expect(await page.locator('main').innerText()).not.toContain(sharedPayload);
    expect(await injected(page)).toEqual({ handlers: 0, scripts: 0 });
    expect(dialogs).toEqual([]);

    // The CSV's cell holds the name exactly, with a leading ' only where a spreadsheet would run a formula.
    const expectedCells = hostileCandidates.map(({ fullName }) => (/^[=+\-@]/.test(fullName) ? `'${fullName}` : fullName));
    expect(expectedCells[1]).toMatch(/^'=HYPERLINK/);
    const recipient = await exportRecipient();
    const exportUrl = (format: string) => `/api/staff/candidates/export?format=${format}&locale=en&englishLevel=C2&q=hostile&${recipient}`;
    const csvResponse = await page.request.get(exportUrl('csv'));
    expect(csvResponse.status()).toBe(200);
    const csv: string[][] = parse(await csvResponse.body(), { bom: true });
    expect(csv.slice(1).map((row) => row[1]).sort()).toEqual([...expectedCells].sort());

    const xlsxResponse = await page.request.get(exportUrl('xlsx'));
    expect(xlsxResponse.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxResponse.body()) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) cells.push(row.getCell(2).value);
    });
    // The workbook's cell holds the name exactly, as a plain string (not a formula object, not rich text): a
    // string cell is never run, so it needs no quote.
    expect(cells.sort()).toEqual(hostileCandidates.map(({ fullName }) => fullName).sort());
  });
});
