import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { routing } from '@/lib/i18n/routing';
import { publicPaths } from '@/lib/public-pages';
import { queryDb } from './support';

const vnuJar = path.resolve(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');
const urlOf = (locale: string, path: string) => `/${locale}${path === '/' ? '' : path}`;

// Besides every public page: a finder answer for a person and for an organization, the finder asking again, and
// the 404 page, in both languages.
// And a filter of the opportunity list (its GET form's address, served from a prerendered page).
const extraPaths = [
  '/for-you?level=A2&age=25&goal=job&pay=any',
  '/for-you?goal=organization',
  '/for-you',
  '/no-such-page',
  '/opportunities?kind=job&interest=technology',
  // A published job opening's page (with its JSON-LD) and a closed cohort's, inserted below.
  '/opportunities/html-check-agente-bilingue',
  '/opportunities/html-check-cohorte-cerrada',
];

async function insertOpportunities() {
  await queryDb(
    `WITH employer AS (
       INSERT INTO partner_organizations (name, kind, receives_as) VALUES ('HTML Check Employer', 'employer', 'controller')
       ON CONFLICT (lower(name)) DO UPDATE SET updated_at = now() RETURNING id)
     INSERT INTO opportunities (slug, kind, state, title_es, title_en, description_es, description_en, employer_id, closes_on,
                                municipalities, remote, salary_min, salary_max, employment_type, published_at)
     SELECT 'html-check-agente-bilingue', 'job', 'published', 'Agente bilingüe', 'Bilingual agent', 'Atiende clientes.', 'Serve customers.',
            id, DATE '2099-01-31', ARRAY['76001'], true, 2500000, 3200000, 'full_time', now() FROM employer
     ON CONFLICT (slug) DO NOTHING`,
  );
  await queryDb(
    `INSERT INTO opportunities (slug, kind, state, title_es, title_en, description_es, description_en, program, starts_on, ends_on, mode, place,
                                enrolment_url, published_at, closed_at)
     VALUES ('html-check-cohorte-cerrada', 'cohort', 'closed', 'Cohorte cerrada', 'Closed cohort', 'Clases.', 'Classes.', 'hello-valle',
             DATE '2099-03-01', DATE '2099-08-31', 'hybrid', 'Cali', 'https://example.org/enrol', now(), now())
     ON CONFLICT (slug) DO NOTHING`,
  );
}

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test('the W3C Nu HTML checker finds no error on any public page in either language', async ({ request }) => {
  test.setTimeout(120_000);
  await insertOpportunities();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bt-html-'));
  try {
    const files = new Map<string, string>();
    for (const locale of routing.locales) {
      for (const page of [...publicPaths, ...extraPaths]) {
        const url = urlOf(locale, page);
        const response = await request.get(url);
        expect([200, 404], url).toContain(response.status());
        const file = path.join(dir, `${files.size}.html`);
        await writeFile(file, await response.text());
        files.set(`file:${file}`, url);
      }
    }
    // One JVM for every page: starting Java costs more than checking a page.
    const { stdout, stderr } = await promisify(execFile)(
      'java',
      ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...[...files.keys()].map((f) => f.slice(5))],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(stderr || stdout) as { messages: VnuMessage[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => `${files.get(m.url) ?? m.url}:${m.lastLine ?? '?'} ${m.message} ${m.extract ?? ''}`.trim());
    expect(errors).toEqual([]);
    expect(files.size).toBe(routing.locales.length * (publicPaths.length + extraPaths.length));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
