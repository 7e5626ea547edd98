import { describe, expect, it } from 'vitest';
import { runRetention } from '@/lib/retention/run';
import { retentionSettings } from '@/lib/retention/settings';
import { listRetentionRuns } from '@/lib/retention/runs';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, insertCandidates, signedIn } from '../support/staff-fixtures.ts';

const testDb = perTestDatabase();

// Each rule of the daily retention job, against rows on both sides of its period: what it deletes is exactly what
// the rule says, and everything else (including the other rules' tables) is left as it was. Default periods:
// revoked candidates 180 days, earlier submissions 12 months, sign-in attempts 90 days, staff sessions 90 days,
// candidate links 1 day, rate limits 24 hours.

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const ids = async (table: string, order = 'id') => (await testDb.query<{ id: string }>(`SELECT id::text AS id FROM ${table} ORDER BY ${order}`)).map((r) => r.id);

async function revokedAt(candidateId: string, days: number) {
  await testDb.query(`UPDATE consents SET revoked_at = $2 WHERE candidate_id = $1`, [candidateId, ago(days)]);
  await testDb.query(`INSERT INTO consent_withdrawals (candidate_id, purposes, source, created_at) VALUES ($1, ARRAY['training-offers','job-opportunities'], 'candidate', $2)`, [candidateId, ago(days)]);
}

async function addSubmission(candidateId: string, days: number, options: { pending?: boolean; email?: string } = {}) {
  const [row] = await testDb.query<{ id: string }>(
    `INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, created_at, pending, confirmed_at, origin)
     SELECT id, COALESCE($4, email), full_name, phone, municipality, birth_year, english_level, interests, programs, locale, $2, $3, CASE WHEN $3 THEN NULL ELSE $2::timestamptz END, 'my-data'
       FROM candidates WHERE id = $1 RETURNING id`,
    [candidateId, ago(days), options.pending ?? false, options.email ?? null],
  );
  return row!.id;
}

describe('retention', () => {
  it('deletes revoked candidates after the period, keeping only the proof that the revocation was received and carried out', async () => {
    const [old, recent, , returning] = await insertCandidates(testDb, [
      { email: 'old@example.com', fullName: 'Old Revoked', createdAt: ago(400), revoked: true },
      { email: 'recent@example.com', fullName: 'Recent Revoked', createdAt: ago(400), revoked: true },
      { email: 'active@example.com', fullName: 'Still Active', createdAt: ago(400) },
      { email: 'back@example.com', fullName: 'Signed Up Again', createdAt: ago(400), revoked: true },
    ]);
    await revokedAt(old!, 200);
    await revokedAt(recent!, 100);
    await revokedAt(returning!, 200);
    await addSubmission(returning!, 3, { pending: true });

    const { counts, runId } = await runRetention();
    expect(counts.revokedCandidates).toBe(1);
    const left = (await testDb.query<{ email: string }>(`SELECT email FROM candidates ORDER BY email`)).map((r) => r.email);
    expect(left).toEqual(['active@example.com', 'back@example.com', 'recent@example.com']);
    // Nothing of the deleted person is left but the proof and the audit event, both under the id alone.
    for (const table of ['submissions', 'consents', 'consent_withdrawals']) {
      expect(await testDb.query(`SELECT 1 FROM ${table} WHERE candidate_id = $1`, [old])).toEqual([]);
    }
    const proofs = await testDb.query<{ candidate_id: string; revocation_source: string; purposes: string[]; received: boolean; retention_run_id: string }>(
      `SELECT candidate_id, revocation_source, purposes, abs(extract(epoch FROM revocation_received_at - $1::timestamptz)) < 60 AS received, retention_run_id::text
         FROM revocation_proofs`,
      [ago(200)],
    );
    expect(proofs).toEqual([
      { candidate_id: old, revocation_source: 'candidate', purposes: ['training-offers', 'job-opportunities'], received: true, retention_run_id: runId.toString() },
    ]);
    const events = await testDb.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_events WHERE action = 'candidate.retention-delete'`);
    expect(events.map((e) => e.details.candidateId)).toEqual([old]);
    expect(JSON.stringify(events)).not.toContain('old@example.com');
  });

  it('keeps the current submission and the one holding the consent in force, and deletes other submissions older than the period', async () => {
    const [withHistory, single] = await insertCandidates(testDb, [
      { email: 'history@example.com', fullName: 'Has History', createdAt: ago(800) },
      { email: 'single@example.com', fullName: 'One Submission', createdAt: ago(800) },
    ]);
    const [consentSubmission] = await ids(`submissions WHERE candidate_id = '${withHistory}'`);
    const oldUpdate = await addSubmission(withHistory!, 500, { email: 'old-address@example.com' });
    const recentUpdate = await addSubmission(withHistory!, 200);
    const current = await addSubmission(withHistory!, 30);
    const oldPending = await addSubmission(single!, 500, { pending: true });

    const { counts } = await runRetention();
    expect(counts.earlierSubmissions).toBe(1);
    const left = await ids('submissions');
    expect(left).not.toContain(oldUpdate);
    expect(left.sort()).toEqual([consentSubmission, recentUpdate, current, oldPending, ...(await ids(`submissions WHERE candidate_id = '${single}' AND NOT pending`))].sort());
    expect(await testDb.query(`SELECT 1 FROM submissions WHERE email = 'old-address@example.com'`)).toEqual([]);
    // The consent in force is untouched.
    expect(await testDb.query(`SELECT count(*)::int AS n FROM consents`)).toEqual([{ n: 2 }]);
  });

  it('purges sign-in attempts, ended staff sessions, expired candidate links and sessions, and old rate-limit rows, and nothing else', async () => {
    const staff = await createStaff('admin');
    await signedIn(staff.email); // an open session, a sign-in attempt and a rate-limit counter, all of now
    const [candidate] = await insertCandidates(testDb, [{ email: 'links@example.com', fullName: 'Links' }]);
    await testDb.query(`INSERT INTO login_attempts (email, ip_address, success, created_at) VALUES ('a@x.example', '198.51.100.1', false, $1), ('b@x.example', NULL, true, $2)`, [ago(100), ago(80)]);
    await testDb.query(
      `INSERT INTO staff_sessions (token_hash, staff_user_id, created_at, last_seen_at, expires_at, revoked_at) VALUES
         (repeat('a', 64), $1, $2, $2, $2, NULL),
         (repeat('b', 64), $1, $3, $3, $3, NULL),
         (repeat('c', 64), $1, $4, $4, $5, $4)`,
      [staff.id, ago(100), ago(10), ago(95), ago(94)],
    );
    await testDb.query(
      `INSERT INTO candidate_tokens (candidate_id, purpose, token_hash, expires_at) VALUES
         ($1, 'my_data', repeat('d', 64), $2), ($1, 'my_data', repeat('e', 64), now() + interval '20 minutes')`,
      [candidate, ago(2)],
    );
    await testDb.query(
      `INSERT INTO candidate_sessions (candidate_id, token_hash, expires_at, revoked_at) VALUES
         ($1, repeat('f', 64), $2, NULL), ($1, repeat('g', 64), now() + interval '20 minutes', NULL), ($1, repeat('h', 64), now() + interval '1 minute', $2)`,
      [candidate, ago(2)],
    );
    const epochMs = (hoursFromNow: number) => String(Date.now() + hoursFromNow * 3_600_000);
    await testDb.query(`INSERT INTO rate_limits (key, points, expire) VALUES ('old', 3, $1), ('recent', 2, $2), ('open', 1, $3)`, [epochMs(-25), epochMs(-1), epochMs(1)]);

    const { counts } = await runRetention();
    expect(counts).toEqual({ revokedCandidates: 0, earlierSubmissions: 0, signInAttempts: 1, staffSessions: 2, candidateLinks: 3, rateLimits: 1 });
    expect((await testDb.query<{ email: string }>(`SELECT email FROM login_attempts ORDER BY email`)).map((r) => r.email)).toEqual(['admin@agency.example', 'b@x.example']);
    expect((await testDb.query<{ h: string }>(`SELECT left(token_hash, 1) AS h FROM staff_sessions ORDER BY created_at`)).map((r) => r.h)).toEqual(['b', expect.any(String)]);
    expect((await testDb.query<{ h: string }>(`SELECT left(token_hash, 1) AS h FROM candidate_tokens`)).map((r) => r.h)).toEqual(['e']);
    expect((await testDb.query<{ h: string }>(`SELECT left(token_hash, 1) AS h FROM candidate_sessions`)).map((r) => r.h)).toEqual(['g']);
    expect((await testDb.query<{ key: string }>(`SELECT key FROM rate_limits WHERE key NOT LIKE 'signin:%' ORDER BY key`)).map((r) => r.key)).toEqual(['open', 'recent']);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM candidates`)).toEqual([{ n: 1 }]);
  });

  it('logs each run with its counts and periods, shown to admins only', async () => {
    const admin = await createStaff('admin');
    const staff = await createStaff('staff');
    await runRetention();
    await runRetention();
    const { viewer } = await signedIn(admin.email);
    const { runs, settings } = await listRetentionRuns(viewer);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ error: null, settings: retentionSettings(), counts: { revokedCandidates: 0, rateLimits: 0 } });
    expect(settings.revokedDays).toBe(180);
    const events = await testDb.query(`SELECT 1 FROM audit_events WHERE action = 'retention.run'`);
    expect(events).toHaveLength(2);
    const other = await signedIn(staff.email);
    await expect(listRetentionRuns(other.viewer)).rejects.toThrow();
  });

  it('takes its periods from the configuration', async () => {
    const [candidate] = await insertCandidates(testDb, [{ email: 'r@example.com', fullName: 'Revoked', createdAt: ago(100), revoked: true }]);
    await revokedAt(candidate!, 40);
    process.env.RETENTION_REVOKED_DAYS = '60';
    try {
      expect((await runRetention()).counts.revokedCandidates).toBe(0);
      process.env.RETENTION_REVOKED_DAYS = '30';
      expect((await runRetention()).counts.revokedCandidates).toBe(1);
    } finally {
      delete process.env.RETENTION_REVOKED_DAYS;
    }
  });
});
