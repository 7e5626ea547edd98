// `npm run explain:staff -- [candidates]`: the plans of the statements behind every staff page, as PostgreSQL runs
// them (EXPLAIN ANALYZE, BUFFERS), on the database at DATABASE_URL (a scratch one: it is filled with made-up
// candidates up to `candidates`, default 1,000,000, by scripts/lib/seed-candidates.ts). The SQL is the app's own
// (lib/candidates/query.ts, stats.ts), built by the same functions with the same filters the bench loads. Each plan
// is printed whole, then its key lines (index scans, sorts, row counts, time) are summed up; docs/benchmarks.md
// keeps those of the last run. Run as the tables' owner (it may seed and ANALYZE).
import pg from 'pg';
import { seedCandidates } from './lib/seed-candidates.ts';
import { staffBenchFilters } from './lib/staff-bench-queries.ts';

const url = process.env.DATABASE_URL;
const wanted = Number(process.argv[2] ?? 1_000_000);
if (!url || !Number.isInteger(wanted) || wanted < 0) {
  console.error('Usage: DATABASE_URL=postgresql://… npm run explain:staff -- [candidates]');
  process.exit(2);
}

const { countSql, filterSql, pageSql, pageSize } = await import('../lib/candidates/query.ts');
const { statsSql } = await import('../lib/candidates/stats.ts');
const { Prisma } = await import('../lib/db/client.ts');

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const [{ n }] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM candidates`)).rows as [{ n: number }];
  if (n < wanted) {
    const started = performance.now();
    await seedCandidates(client, wanted - n, n + 1, { mix: 'realistic' });
    await client.query('VACUUM ANALYZE candidates, submissions, consents');
    console.log(`seeded ${wanted - n} candidates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const total = Math.max(n, wanted);
  const queries = await staffBenchFilters(client);

  const statements: [string, { text: string; values: unknown[] }][] = [['dashboard', statsSql()]];
  for (const q of queries) {
    const where = filterSql(q.filters);
    let position = null;
    if (q.after) {
      const { rows } = await client.query(
        `SELECT full_name, email, municipality, english_level::text AS english_level, birth_year::int AS birth_year, status::text AS status, created_at, id
           FROM candidates WHERE id = $1`,
        [q.after],
      );
      position = rows[0];
    }
    const ascending = q.sort === 'age' ? q.dir === 'desc' : q.dir === 'asc';
    statements.push([`${q.name}: page`, pageSql(where, q.sort, ascending, position, pageSize + 1, false)]);
    statements.push([`${q.name}: count`, countSql(q.filters).sql]);
  }
  if (queries.some((q) => q.filters.q?.includes('@'))) {
    const q = queries.find((x) => x.filters.q?.includes('@'))!;
    statements.push([`${q.name}: exact address`, pageSql(Prisma.sql`c.email = ${q.filters.q!.toLowerCase()}`, 'signedUp', false, null, 1, false)]);
  }
  statements.push([
    'audit log: page',
    { text: `SELECT id, actor_email, action, details, ip_address, created_at FROM audit_events ORDER BY created_at DESC, id DESC LIMIT 50`, values: [] },
  ]);

  const summary: string[] = [];
  for (const [name, sql] of statements) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
    const plan = rows.map((r) => r['QUERY PLAN']);
    console.log(`\n## ${name}\n\n${plan.join('\n')}`);
    const key = plan
      .filter((line) => /Index|Bitmap|Seq Scan|Sort|Limit|Execution Time/.test(line) && !/Buffers|Sort Method|Index Cond|Recheck|Heap Blocks|Filter/.test(line))
      .map((line) => line.trim().replace(/\s+\(cost=[^)]*\)/, ''))
      .slice(0, 6);
    summary.push(`- **${name}**: ${key.join(' · ')}`);
  }
  console.log(`\n# Key lines at ${total.toLocaleString('en-US')} candidates\n\n${summary.join('\n')}`);
} finally {
  await client.end();
}
