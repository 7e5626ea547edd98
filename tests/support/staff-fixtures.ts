// Arranging staff accounts, sessions and candidates for integration tests. Candidates are inserted with
// SQL as the sign-up would store them (candidate, submission, consent notice, consent), so these tests
// do not depend on the sign-up code.
import { ensureSeedNotice, seedCandidates, seedNoticeSha } from '../../scripts/lib/seed-candidates.ts';
import { createStaffAccountAsOperator } from '@/lib/staff/accounts';
import { signIn } from '@/lib/staff/sign-in';
import { verifySessionToken, type Viewer } from '@/lib/staff/session';
import type { TestDatabase } from './test-database.ts';

export const strongPassword = 'correct horse battery staple 42';

export async function createStaff(role: 'admin' | 'staff' | 'privacy', email = `${role}@agency.example`, password = strongPassword) {
  const result = await createStaffAccountAsOperator({ email, name: role === 'admin' ? 'Ada Admin' : role === 'privacy' ? 'Pia Privacy' : 'Sam Staff', role, password }, 'cli');
  if (!result.ok) throw new Error(`could not create ${email}: ${JSON.stringify(result.errors)}`);
  return { id: result.id, email, password };
}

/** Sign in the way the sign-in page does, and return the token and the viewer it gives. */
export async function signedIn(email: string, password = strongPassword, ipAddress = '198.51.100.10') {
  const result = await signIn({ email, password }, { ipAddress, userAgent: 'vitest' });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  const viewer = await verifySessionToken(result.token);
  if (!viewer) throw new Error('fresh session did not verify');
  return { token: result.token, viewer: viewer as Viewer };
}

export interface CandidateSeed {
  email: string;
  fullName: string;
  phone?: string;
  municipality?: string;
  birthYear?: number;
  englishLevel?: 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
  interests?: string[];
  programs?: string[];
  locale?: 'es' | 'en';
  createdAt?: string;
  /** Revoke the (only) consent. */
  revoked?: boolean;
}

/**
 * Insert confirmed candidates with one submission and one confirmed consent each (revoked ones with their state
 * to match), as a confirmed sign-up leaves them. Returns their ids in order.
 */
export async function insertCandidates(db: TestDatabase, seeds: CandidateSeed[]): Promise<string[]> {
  await ensureSeedNotice(db);
  const ids: string[] = [];
  for (const s of seeds) {
    const values = [
      s.email,
      s.fullName,
      s.phone ?? '+573001234567',
      s.municipality ?? '76001',
      s.birthYear ?? 1995,
      s.englishLevel ?? 'B2',
      s.interests ?? ['contact-center'],
      s.programs ?? ['hello-valle'],
      s.locale ?? 'es',
      s.createdAt ?? new Date().toISOString(),
    ];
    const [candidate] = await db.query<{ id: string }>(
      `INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, updated_at,
                               status, consent_purposes, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6::english_level, $7, $8, $9, $10, $10,
               $11::candidate_status, CASE WHEN $11 = 'active' THEN ARRAY['training-offers','job-opportunities'] ELSE ARRAY[]::text[] END, $10)
       RETURNING id`,
      [...values, s.revoked ? 'revoked' : 'active'],
    );
    const [submission] = await db.query<{ id: string }>(
      `INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, confirmed_at)
       SELECT id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, created_at
         FROM candidates WHERE id = $1 RETURNING id`,
      [candidate!.id],
    );
    await db.query(
      `INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, ip_address, user_agent, given_at, revoked_at,
                             confirmed_at, confirm_ip_address, confirm_user_agent)
       VALUES ($1, $2, '2026-11-01', $3, $4, ARRAY['training-offers','job-opportunities'], '203.0.113.9', 'Firefox', $5, $6, $5, '203.0.113.9', 'Firefox')`,
      [candidate!.id, submission!.id, seedNoticeSha, s.locale ?? 'es', s.createdAt ?? new Date().toISOString(), s.revoked ? new Date().toISOString() : null],
    );
    ids.push(candidate!.id);
  }
  return ids;
}

/** `count` candidates, every one with a submission and a consent in force; `first` numbers the first one, so a
 * later call can add more (scripts/lib/seed-candidates.ts). */
export async function insertManyCandidates(db: Pick<TestDatabase, 'query'>, count: number, first = 1): Promise<void> {
  await seedCandidates(db, count, first);
}

/** A partner organization (as an admin adds it on the partners page); returns its id. */
export async function insertPartner(
  db: TestDatabase,
  p: { name?: string; kind?: 'employer' | 'training_provider' | 'public_body' | 'other'; receivesAs?: 'processor' | 'controller'; country?: string } = {},
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO partner_organizations (name, kind, country, receives_as) VALUES ($1, $2::partner_kind, $3, $4::partner_receives_as) RETURNING id`,
    [p.name ?? 'Contact Center Pacífico S.A.S.', p.kind ?? 'employer', p.country ?? 'CO', p.receivesAs ?? 'processor'],
  );
  return row!.id;
}

/** What an export names besides its filters, for calling the export's data functions directly. */
export function sharingFor(organizationId: string, purpose = 'Selección para vacantes de agente bilingüe') {
  return { organizationId, purpose, audit: { details: {}, ipAddress: null } };
}
