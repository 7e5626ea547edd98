// `npm run db:seed-candidates -- <count> [first] [--realistic]`: adds made-up candidates to the database at
// DATABASE_URL (a scratch database: they are not real people), numbered from `first` (default 1); `--realistic`
// gives them the mix the staff pages see instead of identical answers. See scripts/lib/seed-candidates.ts.
import pg from 'pg';
import { seedCandidates } from './lib/seed-candidates.ts';

const args = process.argv.slice(2);
const realistic = args.includes('--realistic');
const [count, first = '1'] = args.filter((a) => a !== '--realistic');
const url = process.env.DATABASE_URL;
if (!url || !count || !/^\d+$/.test(count) || !/^\d+$/.test(first)) {
  console.error('Usage: DATABASE_URL=postgresql://… npm run db:seed-candidates -- <count> [first] [--realistic]');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = performance.now();
try {
  await seedCandidates(client, Number(count), Number(first), { mix: realistic ? 'realistic' : 'uniform' });
  console.log(`${count} candidates seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await client.end();
}
