// Staff accounts and candidates for the e2e run. Candidates use the email domain `staff-e2e.test`, so the
// staff specs can filter to them whatever else other specs sign up meanwhile.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { createStaffAccountAsOperator } from '../../lib/staff/accounts.ts';
import { disconnectDb } from '../../lib/db/client.ts';
import { generatePassword } from '../../lib/staff/password.ts';
import { hostileCandidates } from './hostile-candidates.ts';

export interface StaffCredentials {
  email: string;
  password: string;
}

export interface StaffE2eSeed {
  admin: StaffCredentials;
  staff: StaffCredentials;
}

export const e2eCandidateDomain = 'staff-e2e.test';

const names = [
  '=HYPERLINK("http://x","y")',
  '+57 300 123 4567',
  'Ana María Peña',
  'José Ángel Muñoz',
  'Valentina Ríos',
  'Juan Camilo Díaz',
  'Luisa Fernanda Ocampo',
  'Andrés Felipe Giraldo',
  'María José Cárdenas',
  'Santiago Lozano',
  'Daniela Quintero',
  'Sebastián Arango',
];
const levels = ['A2', 'B1', 'B2', 'C1'];
const towns = ['76001', '76520', '76834', '76109', 'other'];
const interests = [['contact-center'], ['technology', 'software-development'], ['contact-center', 'technology']];
const programs = [['hello-valle'], ['english-for-contact-centers', 'cali-open-to-work'], ['bilingualism-ambassadors']];

export async function seedStaffE2e(databaseUrl: string): Promise<StaffE2eSeed> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const admin = { email: 'admin@e2e.example', password: generatePassword() };
  const staff = { email: 'staff@e2e.example', password: generatePassword() };
  try {
    for (const [who, role, name] of [[admin, 'admin', 'Ada Admin'], [staff, 'staff', 'Sam Staff']] as const) {
      const result = await createStaffAccountAsOperator({ email: who.email, name, role, password: who.password }, 'e2e-seed');
      if (!result.ok) throw new Error(`e2e seed: ${JSON.stringify(result.errors)}`);
    }
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const text = 'Autorizo a Invest Pacific a tratar mis datos para contactarme sobre formación y empleo. (e2e)';
    const sha = createHash('sha256').update(text).digest('hex');
    await client.query(`INSERT INTO consent_notices (sha256, policy_version, locale, text) VALUES ($1, '2026-11-01', 'es', $2) ON CONFLICT DO NOTHING`, [sha, text]);
    for (let i = 0; i < 36; i++) {
      const name = names[i % names.length]!;
      const createdAt = new Date(Date.UTC(2026, 10, 1 + (i % 25), 14, i));
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::english_level, $7, $8, $9, $10, $10) RETURNING id`,
        [
          `candidate${i}@${e2eCandidateDomain}`,
          i < names.length ? name : `${name} ${i}`,
          `+5730${String(10_000_000 + i * 7919).slice(0, 8)}`,
          towns[i % towns.length],
          1980 + (i % 20),
          levels[i % levels.length],
          interests[i % interests.length],
          programs[i % programs.length],
          i % 3 === 0 ? 'en' : 'es',
          createdAt,
        ],
      );
      const id = rows[0]!.id;
      // Every fifth candidate signed up twice: an earlier submission with other details.
      if (i % 5 === 0) {
        const earlier = new Date(createdAt.getTime() - 86_400_000);
        const sub = await client.query<{ id: string }>(
          `INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at)
           SELECT id, email, full_name || ' (antes)', phone, municipality, birth_year, 'A1', interests, programs, locale, $2 FROM candidates WHERE id = $1 RETURNING id`,
          [id, earlier],
        );
        await client.query(
          `INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, ip_address, user_agent, given_at)
           VALUES ($1, $2, '2026-11-01', $3, 'es', ARRAY['training-offers','job-opportunities'], '203.0.113.20', 'Mozilla/5.0 (e2e)', $4)`,
          [id, sub.rows[0]!.id, sha, earlier],
        );
      }
      const sub = await client.query<{ id: string }>(
        `INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at)
         SELECT id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at FROM candidates WHERE id = $1 RETURNING id`,
        [id],
      );
      // Every seventh candidate revoked their consent: never exported.
      await client.query(
        `INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, ip_address, user_agent, given_at, revoked_at)
         VALUES ($1, $2, '2026-11-01', $3, 'es', ARRAY['training-offers','job-opportunities'], '203.0.113.21', 'Mozilla/5.0 (e2e)', $4, $5)`,
        [id, sub.rows[0]!.id, sha, createdAt, i % 7 === 3 ? new Date(createdAt.getTime() + 3_600_000) : null],
      );
    }
    for (const [i, { email, fullName }] of hostileCandidates(e2eCandidateDomain).entries()) {
      const createdAt = new Date(Date.UTC(2026, 10, 28, 9, i));
      await client.query(
        `WITH c AS (
           INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, updated_at)
           VALUES ($1, $2, $3, '76001', 1990, 'C2', ARRAY['technology'], ARRAY[]::text[], 'es', $4, $4) RETURNING *),
         s AS (
           INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at)
           SELECT id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at FROM c RETURNING id, candidate_id)
         INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, ip_address, user_agent, given_at)
         SELECT candidate_id, id, '2026-11-01', $5, 'es', ARRAY['training-offers','job-opportunities'], '203.0.113.22', 'Mozilla/5.0 (e2e)', $4 FROM s`,
        [email, fullName, `+57310555010${i}`, createdAt, sha],
      );
    }
    // Every one of them confirmed their sign-up (the double opt-in): their state follows their latest consent.
    await client.query(`
      UPDATE submissions SET confirmed_at = created_at;
      UPDATE consents SET confirmed_at = given_at, confirm_ip_address = ip_address, confirm_user_agent = user_agent;
      UPDATE candidates c
         SET status = CASE WHEN lc.revoked_at IS NULL THEN 'active'::candidate_status ELSE 'revoked'::candidate_status END,
             consent_purposes = CASE WHEN lc.revoked_at IS NULL THEN lc.purposes ELSE ARRAY[]::text[] END,
             confirmed_at = c.created_at
        FROM (SELECT DISTINCT ON (candidate_id) candidate_id, revoked_at, purposes FROM consents
               ORDER BY candidate_id, given_at DESC, id DESC) lc
       WHERE lc.candidate_id = c.id`);
  } finally {
    await client.end();
  }
  return { admin, staff };
}
