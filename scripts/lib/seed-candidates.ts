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

/**
 * Candidates numbered `first` to `first + count - 1` (a later call adds more: 100,000 then 1,000,000), each
 * signed up `n` minutes ago. Safe on a pool: no temporary tables, no session state.
 */
export async function seedCandidates(db: Queryable, count: number, first = 1): Promise<void> {
  if (count <= 0) return;
  await ensureSeedNotice(db);
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
}
