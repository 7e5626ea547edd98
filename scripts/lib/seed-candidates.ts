// Many made-up candidates, fast: the benchmark's export rows (100,000 and 1,000,000) and the integration tests'
// large exports. Each is confirmed, with one submission and one confirmed consent in force, as a confirmed sign-up
// leaves them.
//
// Set-based, one table at a time, each followed by ANALYZE. The foreign-key checks on the next table are planned
// when that table is first written, against what the statistics say of its parent: right after a TRUNCATE
// they said "empty", the checks scanned instead of using the key, and one INSERT … RETURNING chain over 100,000
// rows ran for ten minutes here. Ids come from the row number (md5 → uuid: as scattered as real ones), so every
// table is filled straight from generate_series, with no RETURNING to carry between them. Submissions and
// consents go in by candidate id, so their indexes and foreign-key lookups on that id walk the B-trees in order
// rather than at random, which matters once the indexes outgrow shared_buffers (1,000,000 candidates).
import { createHash } from 'node:crypto';
import { municipalities } from '../../lib/municipalities.ts';
import { interestOptions, programOptions } from '../../lib/candidates/options.ts';

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const noticeText = 'Autorizo a Invest Pacific a tratar mis datos personales para contactarme sobre formación y empleo.';
export const seedNoticeSha = createHash('sha256').update(noticeText).digest('hex');

export async function ensureSeedNotice(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO consent_notices (sha256, policy_version, locale, text) VALUES ($1, '2026-11-01', 'es', $2)
     ON CONFLICT DO NOTHING`,
    [seedNoticeSha, noticeText],
  );
}

export interface SeedOptions {
  /**
   * `uniform` (default): every candidate confirmed and active, the same answers (the export rows). `realistic`:
   * the mix the staff pages see (scripts/lib/seed-candidates.ts, `realisticCandidates`).
   */
  mix?: 'uniform' | 'realistic';
}

/**
 * Candidates numbered `first` to `first + count - 1` (a later call adds more: 100,000 then 1,000,000), each
 * signed up `n` minutes ago. Safe on a pool: no temporary tables, no session state.
 */
export async function seedCandidates(db: Queryable, count: number, first = 1, options: SeedOptions = {}): Promise<void> {
  if (count <= 0) return;
  await ensureSeedNotice(db);
  if (options.mix === 'realistic') return withIndexesBuiltAfter(db, count, () => realisticCandidates(db, count, first));
  const rows = `generate_series($1::int, $1::int + $2::int - 1) AS n`;
  const candidateId = `md5('bt-seed-candidate-' || n)::uuid`;
  const submissionId = `md5('bt-seed-submission-' || n)::uuid`;
  const range = [first, count];
  await db.query(
    `INSERT INTO candidates (id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, updated_at,
                             status, consent_purposes, confirmed_at)
     SELECT ${candidateId}, 'bulk' || n || '@example.com', 'Candidata Número ' || n || ' Álvarez', '+57300' || lpad(n::text, 7, '0'),
            (ARRAY['76001','76520','76834','76109','other'])[1 + n % 5],
            1970 + n % 35, (ARRAY['A1','A2','B1','B2','C1','C2'])[1 + n % 6]::english_level,
            ARRAY['contact-center','technology'], ARRAY['hello-valle'], 'es',
            now() - make_interval(mins => n), now() - make_interval(mins => n),
            'active', ARRAY['training-offers'], now() - make_interval(mins => n)
       FROM ${rows}`,
    range,
  );
  await db.query('ANALYZE candidates');
  await db.query(
    `INSERT INTO submissions (id, candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at,
                              confirmed_at)
     SELECT ${submissionId}, c.id, c.email, c.full_name, c.phone, c.municipality, c.birth_year, c.english_level, c.interests, c.programs,
            c.locale, c.created_at, c.created_at
       FROM ${rows} JOIN candidates c ON c.id = ${candidateId}
      ORDER BY c.id`,
    range,
  );
  await db.query('ANALYZE submissions');
  await db.query(
    `INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, given_at, confirmed_at)
     SELECT ${candidateId}, ${submissionId}, '2026-11-01', $3, 'es', ARRAY['training-offers'], now() - make_interval(mins => n),
            now() - make_interval(mins => n)
       FROM ${rows}
      ORDER BY 1`,
    [...range, seedNoticeSha],
  );
  await db.query('ANALYZE consents');
  await foldSeededCounts(db);
}

// Made-up people as the staff pages meet them: Colombian names with accents (so searches must ignore them), an
// address made of the name, most in Cali, levels and ages spread as a campaign's sign-ups are, one to three
// interests, zero to two programs; 90% confirmed and active, 5% revoked, 5% never confirmed (pending, with a
// pending submission and an unconfirmed consent). Each answer is a hash of the row number, so a seed is the same
// every time and the answers are independent of one another.
const firstNames = ['María', 'José', 'Andrés', 'Sofía', 'Camila', 'Julián', 'Valentina', 'Sebastián', 'Daniela', 'Nicolás', 'Isabella',
  'Mateo', 'Lucía', 'Santiago', 'Mariana', 'Tomás', 'Ángela', 'Jhon', 'Luisa', 'Óscar', 'Natalia', 'Iván', 'Paula', 'Héctor'];
const lastNames = ['Gómez', 'Rodríguez', 'Peña', 'Muñoz', 'Álvarez', 'Martínez', 'García', 'López', 'Hernández', 'Díaz', 'Castaño',
  'Ospina', 'Zúñiga', 'Quiñónez', 'Rentería', 'Valencia', 'Ramírez', 'Mejía', 'Cárdenas', 'Ibáñez'];
// Cali first; then the larger towns; the rest of Valle and outside it share what is left.
const weightedMunicipalities = [
  ...Array<string>(55).fill('76001'), ...Array<string>(8).fill('76520'), ...Array<string>(6).fill('76834'), ...Array<string>(6).fill('76364'),
  ...Array<string>(5).fill('76109'), ...Array<string>(4).fill('76892'), ...Array<string>(3).fill('76147'), ...Array<string>(3).fill('76111'),
  ...Array<string>(5).fill('other'), ...municipalities.map((m) => m.code).slice(0, 5),
];
const weightedLevels = ['A1', 'A1', 'A1', 'A1', 'A2', 'A2', 'A2', 'A2', 'A2', 'B1', 'B1', 'B1', 'B1', 'B1', 'B2', 'B2', 'B2', 'C1', 'C1', 'C2'];

async function realisticCandidates(db: Queryable, count: number, first: number): Promise<void> {
  const rows = `generate_series($1::int, $1::int + $2::int - 1) AS n`;
  const candidateId = `md5('bt-seed-candidate-' || n)::uuid`;
  const submissionId = `md5('bt-seed-submission-' || n)::uuid`;
  // h(k): an independent non-negative hash of the row number for each use k.
  const h = (k: number) => `(hashint8(n::bigint * 16 + ${k}) & 2147483647)`;
  const pick = (list: string, k: number) => `(${list})[1 + ${h(k)} % array_length(${list}, 1)]`;
  const subset = (list: string, k: number) =>
    `ARRAY(SELECT o FROM unnest(${list}) WITH ORDINALITY AS t(o, i) WHERE (${h(k)} >> i::int) & 1 = 1 ORDER BY i)`;
  const range = [first, count];
  const params = [...range, firstNames, lastNames, weightedMunicipalities, weightedLevels, [...interestOptions], [...programOptions]];
  await db.query(
    `INSERT INTO candidates (id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, updated_at,
                             status, consent_purposes, confirmed_at)
     SELECT ${candidateId}, email, full_name, phone, municipality, birth_year, english_level,
            CASE WHEN cardinality(interests) = 0 THEN ARRAY[${pick('$7::text[]', 9)}] ELSE interests END, programs, locale, created_at, created_at,
            status::candidate_status,
            CASE status WHEN 'active' THEN ARRAY['training-offers', 'job-opportunities'] ELSE ARRAY[]::text[] END,
            CASE WHEN status = 'pending' THEN NULL ELSE created_at END
       FROM (SELECT n,
                    lower(translate(f || '.' || l1, 'ÁÉÍÓÚáéíóúÑñ', 'AEIOUaeiouNn')) || n || '@' || ${pick(`ARRAY['example.com','example.org','example.net']`, 4)} AS email,
                    f || ' ' || l1 || ' ' || l2 AS full_name,
                    '+573' || lpad((${h(5)} % 1000000000)::text, 9, '0') AS phone,
                    ${pick('$5::text[]', 6)} AS municipality,
                    (CASE WHEN ${h(7)} % 10 < 7 THEN 1993 + ${h(8)} % 13 ELSE 1962 + ${h(8)} % 31 END)::smallint AS birth_year,
                    ${pick('$6::text[]', 10)}::english_level AS english_level,
                    ${subset('$7::text[]', 11)} AS interests,
                    (${subset('$8::text[]', 12)})[1:2] AS programs,
                    CASE WHEN ${h(13)} % 5 = 0 THEN 'en' ELSE 'es' END AS locale,
                    now() - make_interval(mins => n) AS created_at,
                    CASE WHEN ${h(14)} % 20 = 0 THEN 'revoked' WHEN ${h(14)} % 20 = 1 THEN 'pending' ELSE 'active' END AS status
               FROM ${rows},
                    LATERAL (SELECT ${pick('$3::text[]', 1)} AS f, ${pick('$4::text[]', 2)} AS l1, ${pick('$4::text[]', 3)} AS l2) names) p`,
    params,
  );
  await db.query('ANALYZE candidates');
  await db.query(
    `INSERT INTO submissions (id, candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at,
                              pending, confirmed_at)
     SELECT ${submissionId}, c.id, c.email, c.full_name, c.phone, c.municipality, c.birth_year, c.english_level, c.interests, c.programs,
            c.locale, c.created_at, c.status = 'pending', CASE WHEN c.status <> 'pending' THEN c.created_at END
       FROM ${rows} JOIN candidates c ON c.id = ${candidateId}
      ORDER BY c.id`,
    range,
  );
  await db.query('ANALYZE submissions');
  await db.query(
    `INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, given_at, confirmed_at, revoked_at)
     SELECT c.id, ${submissionId}, '2026-11-01', $3, 'es', ARRAY['training-offers', 'job-opportunities'], c.created_at,
            CASE WHEN c.status <> 'pending' THEN c.created_at END, CASE WHEN c.status = 'revoked' THEN c.created_at + interval '1 day' END
       FROM ${rows} JOIN candidates c ON c.id = ${candidateId}
      ORDER BY c.id`,
    [...range, seedNoticeSha],
  );
  await db.query('ANALYZE consents');
  await foldSeededCounts(db);
}

/**
 * A large seed without the secondary indexes of the tables it fills and without the foreign keys of submissions and
 * consents, all made again at the end: keeping the trigram GIN indexes current row by row, and checking three keys
 * per consent row by row, made a realistic 1,000,000 take minutes; a build sorts once and a key is validated by one
 * join. Primary and unique keys stay (the seed relies on them). Restored whatever happens, in one statement list,
 * so on a pool it runs on one connection, with a bigger maintenance_work_mem for that transaction only.
 */
async function withIndexesBuiltAfter(db: Queryable, count: number, seed: () => Promise<void>): Promise<void> {
  if (count < 50_000) return seed();
  const result = (await db.query(
    `SELECT format('DROP INDEX %I', i.relname) AS "drop", pg_get_indexdef(x.indexrelid) || ';' AS "restore"
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid IN ('candidates'::regclass, 'submissions'::regclass, 'consents'::regclass)
        AND NOT x.indisprimary AND NOT x.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     UNION ALL
     SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
            format('ALTER TABLE %s ADD CONSTRAINT %I %s;', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid IN ('submissions'::regclass, 'consents'::regclass)`,
  )) as { rows: { drop: string; restore: string }[] };
  const changes = result.rows;
  if (changes.length === 0) return seed();
  await db.query(`BEGIN;\n${changes.map((c) => `${c.drop};`).join('\n')}\nCOMMIT;`);
  try {
    await seed();
  } finally {
    await db.query(`BEGIN; SET LOCAL maintenance_work_mem = '512MB';\n${changes.map((c) => c.restore).join('\n')}\nCOMMIT;`);
    await db.query('ANALYZE candidates, submissions, consents');
  }
}

/**
 * The seed's change rows (up to one per candidate: a bulk load has few identical ones) folded into the dashboard's
 * counts now, as the worker would within its interval, and the emptied table vacuumed: its dead rows would
 * otherwise be scanned, and its statistics would still say a million rows, until autovacuum came by.
 */
async function foldSeededCounts(db: Queryable): Promise<void> {
  await db.query('SELECT fold_candidate_counts()');
  await db.query('VACUUM ANALYZE candidate_count_changes, candidate_daily_counts, candidate_total_counts');
}
