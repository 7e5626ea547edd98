// Least privilege in PostgreSQL: what the web server's role may and may not do, and that the app works with it.
import { statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { signUp } from '@/lib/candidates/sign-up';
import { listCandidates } from '@/lib/candidates/query';
import { candidateStats, foldCandidateCounts } from '@/lib/candidates/stats';
import { deleteCandidate, revokeCandidateConsent } from '@/lib/candidates/rights';
import { signIn } from '@/lib/staff/sign-in';
import { recordAudit } from '@/lib/audit/record';
import { resolveDataDir } from '../../scripts/lib/embedded-postgres.ts';
import { credentialsFile, LEGACY_PASSWORD } from '../../scripts/lib/embedded-credentials.ts';
import { appLoginRole, appRoleUrl } from '../support/postgres.ts';
import { perTestDatabase } from '../support/test-database.ts';
import { createStaff, signedIn, strongPassword } from '../support/staff-fixtures.ts';
import { signUpFormData } from '../support/sign-up-form.ts';

const testDb = perTestDatabase();

async function asAppRole<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = new URL(testDb.url).pathname.slice(1);
  const client = new pg.Client({ connectionString: await appRoleUrl(inject('pgAdminUrl'), name) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: '42501' });

afterEach(async () => {
  await disconnectDb();
});

describe('the web server’s database role', () => {
  it('is not a superuser, owns nothing, and may not create roles or databases', async () => {
    const [role] = await asAppRole(async (c) => (await c.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`)).rows);
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const owned = await testDb.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [appLoginRole]);
    expect(owned).toEqual([]);
  });

  it('may only INSERT and SELECT audit events: UPDATE, DELETE and TRUNCATE are refused, and the trigger cannot be dropped', async () => {
    await asAppRole(async (c) => {
      await c.query(`INSERT INTO audit_events (action, details) VALUES ('staff.sign-in', '{}')`);
      expect((await c.query(`SELECT action FROM audit_events`)).rows).toEqual([{ action: 'staff.sign-in' }]);
      await refused(c.query(`UPDATE audit_events SET action = 'changed'`));
      await refused(c.query(`DELETE FROM audit_events`));
      await refused(c.query(`TRUNCATE audit_events`));
      await refused(c.query(`DROP TRIGGER audit_events_no_update_or_delete ON audit_events`));
      await refused(c.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`));
      await refused(c.query(`ALTER TABLE audit_events DISABLE TRIGGER ALL`));
      await refused(c.query(`DROP FUNCTION audit_events_append_only()`));
    });
    expect(await testDb.query(`SELECT action FROM audit_events`)).toEqual([{ action: 'staff.sign-in' }]);
  });

  it('cannot alter, drop or create tables', async () => {
    await asAppRole(async (c) => {
      await refused(c.query(`ALTER TABLE candidates ADD COLUMN note text`));
      await refused(c.query(`ALTER TABLE staff_users DROP COLUMN password_hash`));
      await refused(c.query(`DROP TABLE rate_limits`));
      await refused(c.query(`CREATE TABLE public.mine (id int)`));
      await refused(c.query(`CREATE INDEX ON candidates (phone)`));
    });
  });

  it('TRUNCATE of the audit log is refused even for its owner (a statement-level trigger)', async () => {
    await testDb.query(`INSERT INTO audit_events (action, details) VALUES ('staff.sign-in', '{}')`);
    await expect(testDb.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(await testDb.query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual([{ n: 1 }]);
  });

  it('gets the same grants on tables and schemas a later migration adds, without that migration granting them', async () => {
    // As a later migration would, run by the same owner: a table in public (a mail outbox) and a job queue's schema.
    await testDb.query(`CREATE TABLE mail_outbox_later (id bigserial PRIMARY KEY, subject text NOT NULL)`);
    await testDb.query(`CREATE SCHEMA job_queue_later`);
    await testDb.query(`CREATE TABLE job_queue_later.jobs (id bigserial PRIMARY KEY, task text NOT NULL)`);
    await asAppRole(async (c) => {
      await c.query(`INSERT INTO mail_outbox_later (subject) VALUES ('hola')`);
      await c.query(`UPDATE mail_outbox_later SET subject = 'hello'`);
      expect((await c.query(`SELECT subject FROM mail_outbox_later`)).rows).toEqual([{ subject: 'hello' }]);
      await c.query(`DELETE FROM mail_outbox_later`);
      await c.query(`INSERT INTO job_queue_later.jobs (task) VALUES ('send-mail')`);
      expect((await c.query(`SELECT task FROM job_queue_later.jobs`)).rows).toEqual([{ task: 'send-mail' }]);
      await refused(c.query(`ALTER TABLE mail_outbox_later ADD COLUMN x int`));
      await refused(c.query(`TRUNCATE job_queue_later.jobs`));
    });
  });

  it('is enough for what the app does: sign-up, staff sign-in, search, revoke, delete, audit', async () => {
    // Arrange as the owner, then switch the app's data layer to the role.
    await createStaff('admin');
    const name = new URL(testDb.url).pathname.slice(1);
    process.env.DATABASE_URL = await appRoleUrl(inject('pgAdminUrl'), name);
    expect(await signUp({ locale: 'es', formData: signUpFormData({ email: 'rol@example.com' }), clientAddress: '198.51.100.3', userAgent: 'x' })).toEqual({ ok: true });
    expect((await signIn({ email: 'admin@agency.example', password: 'wrong password here' }, { ipAddress: '198.51.100.3', userAgent: 'x' })).ok).toBe(false);
    const { viewer } = await signedIn('admin@agency.example', strongPassword);
    const list = await listCandidates(viewer, {}, {}, { ipAddress: '198.51.100.3' });
    expect(list.rows.map((r) => r.email)).toEqual(['rol@example.com']);
    // The search's extensions (pg_trgm, unaccent) and the dashboard's counts (triggers, fold) work for the role.
    expect((await listCandidates(viewer, { q: 'ROL@' }, {}, { ipAddress: null })).rows).toHaveLength(1);
    expect(await foldCandidateCounts()).toBeGreaterThan(0);
    expect(await candidateStats(viewer)).toMatchObject({ total: 1, pending: 1 });
    const id = list.rows[0]!.id;
    expect(await revokeCandidateConsent(viewer, id, { ipAddress: null })).toMatchObject({ ok: true });
    expect(await deleteCandidate(viewer, id, { ipAddress: null })).toMatchObject({ ok: true });
    await recordAudit({ actor: null, action: 'staff.sign-out' });
    const actions = (await testDb.query<{ action: string }>(`SELECT action FROM audit_events ORDER BY id`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.sign-in-failed', 'staff.sign-in', 'candidates.list', 'candidate.consent-revoke', 'candidate.delete']));
  });
});

describe('the embedded PostgreSQL’s password', () => {
  it('is random per installation, kept in the data folder readable by its owner only; `postgres` no longer works', async () => {
    const port = inject('pgEmbeddedPort');
    if (!port) return; // a server named by TEST_DATABASE_URL: not ours to check
    const file = credentialsFile(resolveDataDir(path.resolve(import.meta.dirname, '../../.data/test-postgres')));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const legacy = new pg.Client({ connectionString: `postgresql://postgres:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres` });
    await expect(legacy.connect()).rejects.toMatchObject({ code: '28P01' });
    await legacy.end().catch(() => {});
    expect(new URL(inject('pgAdminUrl')).password).not.toBe(LEGACY_PASSWORD);
  });
});
