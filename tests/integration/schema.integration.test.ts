import { describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { diffToSchema } from '../../scripts/lib/prisma6.ts';
import { databaseUrl, dropDatabase, uniqueName, withAdmin } from '../support/postgres.ts';
import { perTestDatabase } from '../support/test-database.ts';

const testDb = perTestDatabase();

// Tables, columns, types, defaults, indexes, constraints and enums of the public schema, as text.
const catalogSql = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         concat_ws(' ', udt_name, is_nullable, column_default, character_maximum_length) AS definition
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL
  SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 'constraint', conrelid::regclass || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1, 2`;

// What Prisma's schema language cannot describe, so only the SQL migrations create it: CHECK constraints, partial
// indexes and indexes on expressions. Each is named here, so anything else that differs still fails.
const sqlOnly = new Set([
  'constraint partner_organizations.partner_organizations_country_check',
  'index partner_organizations_name_key',
  'index opportunities_program_idx',
  'constraint opportunities.opportunities_bilingual_check',
  'constraint opportunities.opportunities_kind_check',
  'constraint opportunities.opportunities_age_check',
  'constraint opportunities.opportunities_salary_check',
  'index opportunity_candidates_waiting_idx',
  'index mail_outbox_announcements_created_at_idx',
  // The search's pg_trgm indexes: one on an expression (search_text(full_name)), both with pg_trgm's operator class.
  'index candidates_name_search_idx',
  'index candidates_email_search_idx',
  'constraint sharings.sharings_format_check',
  'constraint sharings.sharings_purpose_check',
]);
const describedByPrisma = (rows: { kind: string; name: string }[]) => rows.filter((row) => !sqlOnly.has(`${row.kind} ${row.name}`));

describe('database schema', () => {
  it('the migrations build exactly the schema that prisma/schema.prisma describes', async () => {
    const adminUrl = inject('pgAdminUrl');
    const fromPrisma = uniqueName('bt_it_prisma');
    await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${fromPrisma}"`));
    try {
      // Prisma's own idea of the schema, applied to an empty database...
      const sql = await diffToSchema(adminUrl, 'empty');
      expect(sql).toContain('CREATE TABLE "candidates"');
      await withAdmin(databaseUrl(adminUrl, fromPrisma), (c) => c.query(sql));
      const expected = await withAdmin(databaseUrl(adminUrl, fromPrisma), async (c) => (await c.query(catalogSql)).rows);
      // ...must match what the dbmate migrations built in this test's database.
      const actual = await testDb.query<{ kind: string; name: string }>(catalogSql);
      expect(describedByPrisma(actual)).toEqual(expected);
      // Every SQL-only object listed is really there.
      const present = new Set(actual.map((row) => `${row.kind} ${row.name}`));
      expect([...sqlOnly].filter((name) => !present.has(name))).toEqual([]);
    } finally {
      await dropDatabase(adminUrl, fromPrisma);
    }
  }, 120_000);

  it('every model can be written and read back through the Prisma client', async () => {
    const prisma = db();
    const candidate = await prisma.candidate.create({
      data: {
        email: 'ana@example.com',
        fullName: 'Ana María Pérez',
        phone: '+573001234567',
        municipality: '76001',
        birthYear: 1995,
        englishLevel: 'B2',
        interests: ['contact-center', 'technology'],
        programs: ['hello-valle'],
        locale: 'es',
      },
    });
    const submission = await prisma.submission.create({
      data: {
        candidateId: candidate.id,
        email: candidate.email,
        fullName: candidate.fullName,
        phone: candidate.phone,
        municipality: candidate.municipality,
        birthYear: candidate.birthYear,
        englishLevel: candidate.englishLevel,
        interests: candidate.interests,
        programs: candidate.programs,
        locale: 'es',
      },
    });
    const notice = await prisma.consentNotice.create({
      data: { sha256: 'a'.repeat(64), policyVersion: '2026-11-01', locale: 'es', text: 'Aviso de privacidad' },
    });
    const consent = await prisma.consent.create({
      data: {
        candidateId: candidate.id,
        submissionId: submission.id,
        policyVersion: notice.policyVersion,
        noticeSha256: notice.sha256,
        locale: 'es',
        purposes: ['training-offers', 'job-opportunities'],
        ipAddress: '203.0.113.7',
        userAgent: 'Vitest',
      },
    });
    const staff = await prisma.staffUser.create({
      data: { email: 'admin@example.org', name: 'Admin', role: 'admin', passwordHash: '$argon2id$stub' },
    });
    const session = await prisma.staffSession.create({
      data: { tokenHash: 'b'.repeat(64), staffUserId: staff.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const attempt = await prisma.loginAttempt.create({
      data: { email: staff.email, ipAddress: '203.0.113.7', success: false },
    });
    const limit = await prisma.rateLimit.create({ data: { key: 'signup:203.0.113.7', points: 1, expire: 123n } });
    const event = await prisma.auditEvent.create({
      data: { actorId: staff.id, actorEmail: staff.email, action: 'export', details: { format: 'csv', rows: 1 } },
    });

    const read = await prisma.candidate.findUniqueOrThrow({
      where: { email: 'ana@example.com' },
      include: { submissions: true, consents: { include: { notice: true, submission: true } } },
    });
    expect(read).toMatchObject({ ...candidate, submissions: [submission] });
    expect(read.consents).toEqual([{ ...consent, notice, submission }]);
    expect(await prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id }, include: { sessions: true, auditEvents: true } }))
      .toEqual({ ...staff, sessions: [session], auditEvents: [event] });
    expect(await prisma.loginAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toEqual(attempt);
    expect(await prisma.rateLimit.findUniqueOrThrow({ where: { key: limit.key } })).toEqual(limit);
    expect(typeof event.id).toBe('bigint');
    expect(candidate.createdAt).toBeInstanceOf(Date);
  });

  it('one email is one candidate, whatever the race', async () => {
    const data = {
      email: 'same@example.com', fullName: 'X Y', phone: '+573001234567', municipality: '76001',
      birthYear: 1990, englishLevel: 'A2' as const, interests: ['technology'], programs: [], locale: 'en',
    };
    await db().candidate.create({ data });
    await expect(db().candidate.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('audit events cannot be changed or deleted once written', async () => {
    await db().auditEvent.create({ data: { action: 'sign-in', details: {} } });
    await expect(testDb.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(testDb.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    expect(await testDb.query(`SELECT action FROM audit_events`)).toEqual([{ action: 'sign-in' }]);
  });
});
