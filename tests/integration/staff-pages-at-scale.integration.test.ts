import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signUp } from '@/lib/candidates/sign-up';
import { confirmSignUp } from '@/lib/candidates/confirm';
import { deleteCandidate, revokeCandidateConsent } from '@/lib/candidates/rights';
import { exactCountLimit, listCandidates, pageSize, type CandidatePage } from '@/lib/candidates/query';
import { candidateStats, foldCandidateCounts } from '@/lib/candidates/stats';
import { parseCandidateFilters, sortKeys, type CandidateFilters, type ListView, type SortKey } from '@/lib/candidates/filters';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { perTestDatabase } from '../support/test-database.ts';
import { signUpFormData } from '../support/sign-up-form.ts';
import { createStaff, insertCandidates, signedIn } from '../support/staff-fixtures.ts';
import { seedCandidates } from '../../scripts/lib/seed-candidates.ts';

const testDb = perTestDatabase();
const ctx = { ipAddress: '198.51.100.7' };
type Viewer = Awaited<ReturnType<typeof signedIn>>['viewer'];

async function admin(): Promise<Viewer> {
  const staff = await createStaff('admin');
  return (await signedIn(staff.email)).viewer;
}

// ---------------------------------------------------------------------------------------------------------------
// The counts and the state kept on write equal a full recount, whatever the sequence of writes.

const municipalityChoices = ['76001', '76520', '76834', 'other'] as const;
const operation = fc.oneof(
  fc.record({
    kind: fc.constant('signUp' as const),
    who: fc.nat(4),
    level: fc.constantFrom(...englishLevels),
    municipality: fc.constantFrom(...municipalityChoices),
    interests: fc.subarray([...interestOptions], { minLength: 1 }),
    programs: fc.subarray([...programOptions]),
  }),
  fc.record({ kind: fc.constant('confirm' as const), who: fc.nat(4) }),
  fc.record({ kind: fc.constant('revoke' as const), who: fc.nat(4) }),
  fc.record({
    kind: fc.constant('update' as const),
    who: fc.nat(4),
    level: fc.constantFrom(...englishLevels),
    municipality: fc.constantFrom(...municipalityChoices),
    interests: fc.subarray([...interestOptions], { minLength: 1 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), who: fc.nat(4) }),
  fc.record({ kind: fc.constant('fold' as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let address = 1;
const email = (who: number) => `person${who}@example.com`;
const idOf = async (who: number) => (await testDb.query<{ id: string }>(`SELECT id FROM candidates WHERE email = $1`, [email(who)]))[0]?.id;

async function apply(op: Operation, viewer: Viewer) {
  switch (op.kind) {
    case 'signUp': {
      const formData = signUpFormData({
        email: email(op.who),
        fullName: `Persona ${op.who}`,
        englishLevel: op.level,
        municipality: op.municipality,
        interests: op.interests,
        programs: op.programs,
      });
      const outcome = await signUp({ locale: 'es', formData, clientAddress: `198.18.${address >> 8}.${address++ & 255}`, userAgent: 'property test' });
      expect(outcome).toEqual({ ok: true });
      return;
    }
    case 'confirm': {
      const [row] = await testDb.query<{ token: string }>(
        `SELECT payload->>'token' AS token FROM mail_outbox WHERE recipient = $1 AND template = 'confirm-sign-up' ORDER BY created_at DESC LIMIT 1`,
        [email(op.who)],
      );
      if (row) await confirmSignUp({ token: row.token, clientAddress: '203.0.113.5', userAgent: 'property test' });
      return;
    }
    case 'revoke': {
      const id = await idOf(op.who);
      if (id) expect(await revokeCandidateConsent(viewer, id, ctx)).toEqual({ ok: true });
      return;
    }
    case 'update': {
      // As My data changes the answers (lib/my-data/rights.ts): the candidate row, in place.
      await testDb.query(
        `UPDATE candidates SET english_level = $2::english_level, municipality = $3, interests = $4, updated_at = now() WHERE email = $1`,
        [email(op.who), op.level, op.municipality, op.interests],
      );
      return;
    }
    case 'delete': {
      const id = await idOf(op.who);
      if (id) expect(await deleteCandidate(viewer, id, ctx)).toEqual({ ok: true });
      return;
    }
    case 'fold':
      await foldCandidateCounts();
  }
}

/** The dashboard's numbers counted from scratch, the way the dashboard counted before its counts were kept. */
async function recount() {
  const grouped = async (sql: string) =>
    (await testDb.query<{ key: string; count: number }>(sql)).map((r) => ({ key: r.key, count: r.count }));
  const [totals] = await testDb.query<{ total: number; active: number; revoked: number; pending: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active,
            count(*) FILTER (WHERE status = 'revoked')::int AS revoked, count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM candidates`,
  );
  return {
    total: totals!.total,
    consentInForce: totals!.active,
    consentRevoked: totals!.revoked,
    pending: totals!.pending,
    byEnglishLevel: await grouped(`SELECT english_level::text AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 1`),
    byMunicipality: await grouped(`SELECT municipality AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 2 DESC, 1`),
    byInterest: await grouped(`SELECT unnest(interests) AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 2 DESC, 1`),
    byProgram: await grouped(`SELECT unnest(programs) AS key, count(*)::int AS count FROM candidates GROUP BY 1 ORDER BY 2 DESC, 1`),
  };
}

/**
 * Each candidate's state recounted from the evidence: never confirmed → pending; otherwise the newest confirmed
 * consent decides, active with its purposes while it is not revoked, revoked once it is.
 */
async function statusDrift() {
  return testDb.query(
    `SELECT c.email, c.status::text AS kept, CASE WHEN k.id IS NULL THEN 'pending' WHEN k.revoked_at IS NULL THEN 'active' ELSE 'revoked' END AS recounted,
            c.consent_purposes AS kept_purposes, CASE WHEN k.revoked_at IS NULL THEN k.purposes END AS recounted_purposes
       FROM candidates c
       LEFT JOIN LATERAL (SELECT id, revoked_at, purposes FROM consents WHERE candidate_id = c.id AND confirmed_at IS NOT NULL
                           ORDER BY confirmed_at DESC, id DESC LIMIT 1) k ON TRUE
      WHERE c.status::text <> CASE WHEN k.id IS NULL THEN 'pending' WHEN k.revoked_at IS NULL THEN 'active' ELSE 'revoked' END
         OR (k.id IS NOT NULL AND k.revoked_at IS NULL AND c.consent_purposes <> k.purposes)
         OR ((k.id IS NULL OR k.revoked_at IS NOT NULL) AND cardinality(c.consent_purposes) > 0)`,
  );
}

/** The folded daily counts against the same counts grouped from the candidates, per dimension, day and status. */
async function dailyDrift() {
  return testDb.query(
    `WITH recount AS (
       SELECT d.dimension, d.key, candidate_count_day(c.created_at) AS day, c.status, count(*)::int AS n
         FROM candidates c
        CROSS JOIN LATERAL (SELECT 'all', '' UNION ALL SELECT 'level', c.english_level::text UNION ALL SELECT 'municipality', c.municipality
                            UNION ALL SELECT DISTINCT 'interest', i FROM unnest(c.interests) i UNION ALL SELECT DISTINCT 'program', p FROM unnest(c.programs) p) d(dimension, key)
        GROUP BY 1, 2, 3, 4)
     SELECT * FROM recount r FULL JOIN candidate_daily_counts k USING (dimension, key, day, status)
      WHERE r.n IS DISTINCT FROM k.n`,
  );
}

describe('counts and states kept on write', () => {
  // The sequences sign the same few people up again and again: about the counts, not the per-email limit.
  beforeEach(() => {
    process.env.SIGNUP_EMAIL_RATE_LIMIT_POINTS = '1000';
    process.env.SIGNUP_RATE_LIMIT_POINTS = '100000';
  });
  afterEach(() => {
    delete process.env.SIGNUP_EMAIL_RATE_LIMIT_POINTS;
    delete process.env.SIGNUP_RATE_LIMIT_POINTS;
  });

  it('equal a full recount after any sequence of sign-ups, confirmations, revocations, updates and deletions', async () => {
    const viewer = await admin();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        await testDb.query('TRUNCATE candidates CASCADE');
        for (const op of operations) await apply(op, viewer);
        const { weekly, last30Days, ...stats } = await candidateStats(viewer);
        expect(stats).toEqual(await recount());
        expect(weekly.reduce((sum, w) => sum + w.count, 0)).toBe(stats.total);
        expect(last30Days).toBe(stats.total);
        expect(await statusDrift()).toEqual([]);
        await foldCandidateCounts();
        expect(await testDb.query(`SELECT count(*)::int AS n FROM candidate_count_changes`)).toEqual([{ n: 0 }]);
        expect(await dailyDrift()).toEqual([]);
        const { weekly: _w, last30Days: _l, ...afterFold } = await candidateStats(viewer);
        expect(afterFold).toEqual(stats);
      }),
      { numRuns: 25 },
    );
  });

  it('counts a bulk load (one statement, many candidates) and its TRUNCATE', async () => {
    const viewer = await admin();
    await seedCandidates(testDb, 3_000, 1, { mix: 'realistic' });
    const { weekly: _w, last30Days: _l, ...stats } = await candidateStats(viewer);
    expect(stats).toEqual(await recount());
    expect(await dailyDrift()).toEqual([]);
    await testDb.query('TRUNCATE candidates CASCADE');
    expect((await candidateStats(viewer)).total).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Keyset pages and counts.

async function walk(viewer: Viewer, filters: CandidateFilters, view: Omit<ListView, 'columns'>) {
  const pages: CandidatePage[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listCandidates(viewer, filters, { ...view, columns: [], after }, ctx);
    pages.push(page);
    if (!page.nextAfter) break;
    after = page.nextAfter;
  }
  return pages;
}

describe('keyset pages', () => {
  it('list every candidate once, in order, forwards and backwards, for every sort and with filters', async () => {
    const viewer = await admin();
    await seedCandidates(testDb, 140, 1, { mix: 'realistic' });
    // Ties on every sort column and on the time of sign-up: the id decides.
    await insertCandidates(
      testDb,
      Array.from({ length: 12 }, (_, i) => ({ email: `tie${i}@example.com`, fullName: 'Misma Persona', municipality: '76001', englishLevel: 'B1' as const, createdAt: '2026-11-15T12:00:00Z' })),
    );
    const everyone = (await testDb.query<{ id: string }>(`SELECT id FROM candidates`)).map((r) => r.id).sort();
    const orderOf: Record<SortKey, string> = {
      signedUp: 'created_at, id',
      name: 'full_name, created_at, id',
      email: 'email, created_at, id',
      municipality: 'municipality, created_at, id',
      englishLevel: 'english_level, created_at, id',
      age: 'birth_year DESC, created_at DESC, id DESC',
      status: 'status, created_at, id',
    };
    for (const sort of sortKeys) {
      for (const dir of ['asc', 'desc'] as const) {
        const pages = await walk(viewer, {}, { sort, dir });
        const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
        expect(ids.length).toBe(everyone.length);
        expect([...ids].sort()).toEqual(everyone);
        const ascending = (await testDb.query<{ id: string }>(`SELECT id FROM candidates ORDER BY ${orderOf[sort]}`)).map((r) => r.id);
        // The database's collation orders names and addresses: the same ORDER BY gives the same list.
        expect(ids).toEqual(dir === 'asc' ? ascending : [...ascending].reverse());
        expect(pages.every((p, i) => p.rows.length === (i < pages.length - 1 ? pageSize : everyone.length - i * pageSize))).toBe(true);

        // Back from the last page with "previous": the same pages, in reverse.
        const back: string[][] = [pages.at(-1)!.rows.map((r) => r.id)];
        let before = pages.at(-1)!.previousBefore;
        while (before) {
          const page = await listCandidates(viewer, {}, { sort, dir, columns: [], before }, ctx);
          back.unshift(page.rows.map((r) => r.id));
          before = page.previousBefore;
        }
        expect(back).toEqual(pages.map((p) => p.rows.map((r) => r.id)));
      }
    }

    const filters = parseCandidateFilters({ levelMin: 'B1', ageMin: '20', ageMax: '45', consent: 'active' }).filters;
    const filtered = (await walk(viewer, filters, { sort: 'municipality', dir: 'desc' })).flatMap((p) => p.rows);
    const year = Number(new Date().toLocaleString('en-US', { timeZone: 'America/Bogota', year: 'numeric' }));
    const expected = await testDb.query<{ id: string }>(
      `SELECT id FROM candidates WHERE english_level >= 'B1' AND birth_year BETWEEN $1 AND $2 AND status = 'active'
        ORDER BY municipality DESC, created_at DESC, id DESC`,
      [year - 45, year - 20],
    );
    expect(filtered.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('a page positioned on a deleted candidate starts again from the first page, and says so', async () => {
    const viewer = await admin();
    await seedCandidates(testDb, 30, 1, { mix: 'realistic' });
    const first = await listCandidates(viewer, {}, {}, ctx);
    await testDb.query(`DELETE FROM candidates WHERE id = $1`, [first.nextAfter]);
    const page = await listCandidates(viewer, {}, { after: first.nextAfter! }, ctx);
    expect(page.positionLost).toBe(true);
    expect(page.rows.map((r) => r.id)).toEqual(first.rows.slice(0, pageSize - 1).map((r) => r.id).concat(page.rows.at(-1)!.id));
  });

  it('counts exactly from the kept counts at any size, and says "more than" when it stops counting a search', async () => {
    const viewer = await admin();
    await seedCandidates(testDb, exactCountLimit + 300, 1, { mix: 'realistic' });
    const exact = async (filters: CandidateFilters) =>
      Number((await testDb.query<{ n: string }>(`SELECT count(*) AS n FROM candidates c WHERE ${whereOf(filters)}`))[0]!.n);
    for (const filters of [{}, { consent: 'active' as const }, { municipality: '76001' }, { levelMin: 'B2' as const, consent: 'revoked' as const }, { interest: 'technology' as const }]) {
      const page = await listCandidates(viewer, filters, {}, ctx);
      expect({ filters, count: page.count, exact: page.countExact }).toEqual({ filters, count: await exact(filters), exact: true });
    }
    // A search of an address every seeded one has: counted up to the limit.
    const broad = await listCandidates(viewer, { q: '@example' }, {}, ctx);
    expect(broad).toMatchObject({ count: exactCountLimit, countExact: false });
    const narrow = await listCandidates(viewer, { q: 'peña', municipality: '76520', levelMin: 'C1' }, {}, ctx);
    expect(narrow.countExact).toBe(true);
  });
});

function whereOf(filters: CandidateFilters): string {
  const parts = ['TRUE'];
  if (filters.consent) parts.push(`c.status = '${filters.consent}'`);
  if (filters.municipality) parts.push(`c.municipality = '${filters.municipality}'`);
  if (filters.levelMin) parts.push(`c.english_level >= '${filters.levelMin}'`);
  if (filters.interest) parts.push(`'${filters.interest}' = ANY(c.interests)`);
  return parts.join(' AND ');
}

// ---------------------------------------------------------------------------------------------------------------
// Search.

describe('search', () => {
  it('finds accented and unaccented spellings, either case, with the exact address first and then newest first', async () => {
    const viewer = await admin();
    // Newer than the 500 seeded (signed up minutes to hours ago), so they lead their searches' first page.
    const minutesAhead = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const ids = await insertCandidates(testDb, [
      { email: 'ana@example.com', fullName: 'Ana María Peña', createdAt: minutesAhead(1) },
      { email: 'jose.alvarez@example.com', fullName: 'JOSÉ ÁLVAREZ', createdAt: minutesAhead(2) },
      { email: 'mariana@example.com', fullName: 'Mariana Pena Zuniga', createdAt: minutesAhead(3) },
      { email: 'xana@example.com', fullName: 'Roxana Díaz', createdAt: minutesAhead(4) },
    ]);
    await seedCandidates(testDb, 500, 1, { mix: 'realistic' });
    const find = async (q: string) => (await listCandidates(viewer, { q }, {}, ctx)).rows.map((r) => r.id).filter((id) => ids.includes(id));
    expect(await find('peña')).toEqual([ids[2], ids[0]]);
    expect(await find('PENA')).toEqual([ids[2], ids[0]]);
    expect(await find('zúñiga')).toEqual([ids[2]]);
    expect(await find('alvarez')).toEqual([ids[1]]);
    expect(await find('José Álvarez')).toEqual([ids[1]]);
    expect(await find('jose álvarez')).toEqual([ids[1]]);
    expect(await find('MARÍA')).toEqual([ids[2], ids[0]]);
    // Part of an address, and an exact address before a newer partial match.
    expect(await find('alvarez@')).toEqual([ids[1]]);
    expect(await find('ana@example.com')).toEqual([ids[0], ids[3], ids[2]]);
    expect(await find('ANA@example.com')).toEqual([ids[0], ids[3], ids[2]]);
    // The seeded names carry accents too: a search without them finds them all.
    const [{ n }] = (await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM candidates WHERE full_name LIKE '%Muñoz%'`)) as [{ n: number }];
    const page = await listCandidates(viewer, { q: 'munoz' }, {}, ctx);
    expect(page).toMatchObject({ count: n, countExact: true });
    expect(n).toBeGreaterThan(0);
  });
});
