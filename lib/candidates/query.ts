import 'server-only';
import { isUuid } from '@/lib/ids';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { db, Prisma } from '@/lib/db/client';
import { inlined } from '@/lib/db/sql';
import { siteTimeZone } from '@/lib/time-zone';
import { databaseUrl, serverConfig } from '@/lib/config/env';
import { recordAudit } from '@/lib/audit/record';
import { auditedFilters } from '@/lib/audit/search';
import { authorize, type Actor, type Viewer } from '@/lib/staff/session';
import type { CandidateFilters } from './filters';
import type { EnglishLevel } from './options';
import type { ConsentPurpose } from '@/lib/consent/policy';
import { recordExportSharing, type ExportSharing } from '@/lib/sharing/export';

export type CandidateStatus = 'pending' | 'active' | 'revoked';

// Every read of candidates' personal data by staff goes through this module, and each function calls
// `authorize` before touching a row. Filters become SQL in one place (`filterSql`), so the table, the
// dashboard and the export select exactly the same people.
//
// A candidate's state is kept on the candidate row (`status`, `consent_purposes`, `confirmed_at`), written in the
// same transaction as every consent change: pending (never confirmed), active (confirmed, consent in force for at
// least one purpose) or revoked (withdrawn for every purpose). Lists, counts and filters read that column; exports
// take only active candidates. A sign-up waiting for confirmation never changes it.

/** The consent in force's date and policy version, for the export: the newest consent of a confirmed submission. */
const consentInForceJoin = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT k.given_at, k.policy_version
      FROM consents k JOIN submissions s ON s.id = k.submission_id
     WHERE k.candidate_id = c.id AND k.revoked_at IS NULL AND NOT s.pending
     ORDER BY k.given_at DESC, k.id DESC
     LIMIT 1
  ) lc ON TRUE`;

const consentInForce = Prisma.sql`c.status = 'active'`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export interface FilterOptions {
  /** Only candidates whose consent is in force (status active): what an export holds. */
  consentInForceOnly?: boolean;
  /** Only candidates whose consent in force includes this purpose (a partner receiving as a controller). */
  purpose?: ConsentPurpose;
}

/** WHERE conditions for the filters, each fragment carrying its own values. */
export function filterSql(filters: CandidateFilters, options: FilterOptions = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(Prisma.sql`(c.full_name ILIKE ${pattern} OR c.email ILIKE ${pattern})`);
  }
  if (filters.englishLevel?.length) conditions.push(Prisma.sql`c.english_level::text = ANY(${filters.englishLevel}::text[])`);
  if (filters.municipality) conditions.push(Prisma.sql`c.municipality = ${filters.municipality}`);
  if (filters.interest) conditions.push(Prisma.sql`${filters.interest} = ANY(c.interests)`);
  if (filters.program) conditions.push(Prisma.sql`${filters.program} = ANY(c.programs)`);
  // Dates are days in the site's time zone, both ends included.
  if (filters.from) conditions.push(Prisma.sql`c.created_at >= (${filters.from}::date::timestamp AT TIME ZONE ${siteTimeZone})`);
  if (filters.to) conditions.push(Prisma.sql`c.created_at < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${siteTimeZone})`);
  if (filters.consent) conditions.push(Prisma.sql`c.status = ${filters.consent}::candidate_status`);
  if (options.consentInForceOnly) conditions.push(consentInForce);
  if (options.purpose) conditions.push(Prisma.sql`${options.purpose} = ANY(c.consent_purposes)`);
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

export interface CandidateSummary {
  id: string;
  fullName: string;
  email: string;
  phone: string;
  municipality: string;
  englishLevel: EnglishLevel;
  interests: string[];
  programs: string[];
  createdAt: Date;
  status: CandidateStatus;
  consentInForce: boolean;
}

export const pageSize = 25;

export interface CandidatePage {
  rows: CandidateSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of candidates, newest first. Audited: who searched with which filters and how many rows they saw (never
 * the search text itself: lib/audit/search.ts).
 */
export async function listCandidates(
  viewer: Viewer,
  filters: CandidateFilters,
  page: number,
  context: { ipAddress: string | null },
): Promise<CandidatePage> {
  const actor = await authorize(viewer, 'candidates:read');
  const where = filterSql(filters);
  const prisma = db();
  const [{ total }] = (await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM candidates c WHERE ${where}`) as [{ total: number }];
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  const rows = await prisma.$queryRaw<
    (Omit<CandidateSummary, 'consentInForce' | 'englishLevel' | 'status'> & { englishLevel: string; status: string; consentInForce: boolean })[]
  >`
    SELECT c.id, c.full_name AS "fullName", c.email, c.phone, c.municipality,
           c.english_level::text AS "englishLevel", c.interests, c.programs, c.created_at AS "createdAt",
           c.status::text AS status, ${consentInForce} AS "consentInForce"
      FROM candidates c
     WHERE ${where}
     ORDER BY c.created_at DESC, c.id DESC
     LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}`;
  await recordAudit({
    actor,
    action: 'candidates.list',
    details: { ...auditedFilters(filters), page: current, rows: rows.length, total },
    ipAddress: context.ipAddress,
  });
  return { rows: rows as CandidateSummary[], total, page: current, pageCount };
}

/** What a candidate answered: the candidate row holds the latest answers, each submission one set of them. */
export interface CandidateAnswers {
  id: string;
  email: string;
  fullName: string;
  phone: string;
  municipality: string;
  birthYear: number;
  englishLevel: EnglishLevel;
  interests: string[];
  programs: string[];
  locale: string;
  createdAt: Date;
}

export interface CandidateDetail extends CandidateAnswers {
  updatedAt: Date;
  status: CandidateStatus;
  /** The purposes whose consent is in force now. */
  consentPurposes: string[];
  confirmedAt: Date | null;
  consentInForce: boolean;
  submissions: {
    id: string;
    email: string;
    fullName: string;
    phone: string;
    municipality: string;
    birthYear: number;
    englishLevel: EnglishLevel;
    interests: string[];
    programs: string[];
    locale: string;
    createdAt: Date;
    pending: boolean;
    confirmedAt: Date | null;
    origin: string;
  }[];
  consents: {
    id: string;
    submissionId: string;
    policyVersion: string;
    locale: string;
    purposes: string[];
    ipAddress: string | null;
    userAgent: string | null;
    givenAt: Date;
    revokedAt: Date | null;
    confirmedAt: Date | null;
    confirmIpAddress: string | null;
    confirmUserAgent: string | null;
    notice: { sha256: string; policyVersion: string; locale: string; text: string };
  }[];
}

// What a candidate answered: the same columns on the candidate (latest) and on each submission (history).
const answerColumns = {
  id: true,
  email: true,
  fullName: true,
  phone: true,
  municipality: true,
  birthYear: true,
  englishLevel: true,
  interests: true,
  programs: true,
  locale: true,
  createdAt: true,
} as const;

/** A candidate with every earlier submission and every consent with its evidence. Audited. */
export async function getCandidate(
  viewer: Viewer,
  id: string,
  context: { ipAddress: string | null },
): Promise<CandidateDetail | null> {
  const actor = await authorize(viewer, 'candidates:read');
  if (!isUuid(id)) return null;
  const row = await db().candidate.findUnique({
    where: { id },
    select: {
      ...answerColumns,
      updatedAt: true,
      status: true,
      consentPurposes: true,
      confirmedAt: true,
      submissions: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { ...answerColumns, pending: true, confirmedAt: true, origin: true },
      },
      consents: {
        orderBy: [{ givenAt: 'desc' }, { id: 'desc' }],
        select: {
          id: true,
          submissionId: true,
          policyVersion: true,
          locale: true,
          purposes: true,
          ipAddress: true,
          userAgent: true,
          givenAt: true,
          revokedAt: true,
          confirmedAt: true,
          confirmIpAddress: true,
          confirmUserAgent: true,
          notice: { select: { sha256: true, policyVersion: true, locale: true, text: true } },
        },
      },
    },
  });
  await recordAudit({
    actor,
    action: 'candidate.view',
    details: { candidateId: id, found: Boolean(row) },
    ipAddress: context.ipAddress,
  });
  if (!row) return null;
  return { ...row, consentInForce: row.status === 'active' };
}

/** A candidate as exported: one row per confirmed candidate whose consent is in force. */
export interface ExportRow {
  id: string;
  full_name: string;
  email: string;
  phone: string;
  municipality: string;
  birth_year: number;
  english_level: EnglishLevel;
  interests: string[];
  programs: string[];
  locale: string;
  created_at: Date;
  updated_at: Date;
  consent_given_at: Date;
  consent_policy_version: string;
}

/** What an export holds: the candidates that match, counted and read in one snapshot. */
export interface ExportSource {
  actor: Actor;
  /** Rows the export will hold, counted in the same snapshot the rows are read from. */
  rowCount: number;
  /** The sharing recorded for this export (lib/sharing), with exactly these rows' candidates. */
  sharingId: string;
  /** The organization it is for: a controller only receives candidates who authorized sharing with partners. */
  organization: { id: string; name: string; receivesAs: 'processor' | 'controller' };
  /** Release the connection; safe to call more than once. */
  close(): Promise<void>;
}

const exportBatchSize = 200;

// The columns of an export row (`ExportRow`), read from `c`, the candidate, and `lc`, its consent in force.
const exportRowColumns = Prisma.sql`
  c.id, c.full_name, c.email, c.phone, c.municipality, c.birth_year::int AS birth_year,
  c.english_level::text AS english_level, c.interests, c.programs, c.locale, c.created_at, c.updated_at,
  lc.given_at AS consent_given_at, lc.policy_version AS consent_policy_version`;

/**
 * The export's rows in order, newest sign-up first: `select` is the select list over `r`, an `ExportRow` (all of
 * it by default). The CSV export's select list formats each cell in SQL; the bench's COPY baseline reads `r.*`.
 */
export function exportRowsSql(filters: CandidateFilters, select: Prisma.Sql = Prisma.sql`r.*`, options: { purpose?: ConsentPurpose } = {}): Prisma.Sql {
  // A plain subquery: PostgreSQL pulls it up, so the plan is the one a single SELECT would get.
  return Prisma.sql`
    SELECT ${select}
      FROM (SELECT ${exportRowColumns}
              FROM candidates c ${consentInForceJoin}
             WHERE ${filterSql(filters, { ...options, consentInForceOnly: true })}) r
     ORDER BY r.created_at DESC, r.id DESC`;
}

/** The organization an export names does not exist or is archived. */
export class ExportRecipientError extends Error {
  constructor(readonly field: 'organization', readonly key: 'organizationUnknown') {
    super(`export refused: ${key}`);
    this.name = 'ExportRecipientError';
  }
}

/**
 * Open a read-only REPEATABLE READ transaction on a connection of its own, authorized (`candidates:export`), and
 * record the sharing (organization, purpose, the candidates) in that transaction's snapshot and commit it with the
 * audit event (lib/sharing/export.ts), so the record, the count and the rows agree. Only confirmed candidates whose
 * consent is in force (status active) are exported; to an organization receiving as a controller, only those whose
 * consent includes sharing with partners.
 */
async function openExportSnapshot(viewer: Viewer, filters: CandidateFilters, sharing: ExportSharing) {
  const actor = await authorize(viewer, 'candidates:export');
  if (!isUuid(sharing.organizationId)) throw new ExportRecipientError('organization', 'organizationUnknown');
  const client = new pg.Client({
    connectionString: databaseUrl(),
    connectionTimeoutMillis: serverConfig().DATABASE_CONNECT_TIMEOUT_MS,
    application_name: 'bilingual-talent-export',
  });
  // A dropped connection must end the export, not the process.
  client.on('error', () => {});
  await client.connect();
  let closed = false;
  const close = async (commit: boolean) => {
    if (closed) return;
    closed = true;
    try {
      if (commit) await client.query('COMMIT');
    } catch {
      // the connection is going away anyway
    } finally {
      await client.end().catch(() => {});
    }
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [exported] } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const { rows: [organization] } = await client.query<{ id: string; name: string; receivesAs: 'processor' | 'controller' }>(
      `SELECT id, name, receives_as::text AS "receivesAs" FROM partner_organizations WHERE id = $1 AND archived_at IS NULL`,
      [sharing.organizationId],
    );
    if (!organization) throw new ExportRecipientError('organization', 'organizationUnknown');
    const options = { purpose: organization.receivesAs === 'controller' ? ('share-with-partners' as const) : undefined };
    const recorded = await recordExportSharing({
      snapshot: exported!.snapshot,
      actor,
      where: filterSql(filters, { ...options, consentInForceOnly: true }),
      sharing: { ...sharing, audit: { ...sharing.audit, details: { ...sharing.audit.details, ...(options.purpose ? { onlyPurpose: options.purpose } : {}) } } },
    });
    return { actor, client, rowCount: recorded.rowCount, sharingId: recorded.sharingId, organization, options, close };
  } catch (error) {
    await close(false);
    throw error;
  }
}

/** The export's rows as `ExportRow` batches, through a server-side cursor: memory holds one batch at a time. */
export async function openCandidateExport(
  viewer: Viewer,
  filters: CandidateFilters,
  sharing: Omit<ExportSharing, 'format'>,
): Promise<ExportSource & { batches(): AsyncGenerator<ExportRow[]> }> {
  const snapshot = await openExportSnapshot(viewer, filters, { ...sharing, format: 'xlsx' });
  let cursor: Cursor<ExportRow> | undefined;
  const close = async () => {
    await cursor?.close().catch(() => {});
    await snapshot.close(true);
  };
  return {
    actor: snapshot.actor,
    rowCount: snapshot.rowCount,
    sharingId: snapshot.sharingId,
    organization: snapshot.organization,
    async *batches() {
      const rows = exportRowsSql(filters, undefined, snapshot.options);
      const open = (cursor = snapshot.client.query(new Cursor<ExportRow>(rows.text, rows.values)));
      try {
        for (;;) {
          const batch = await open.read(exportBatchSize);
          if (batch.length === 0) break;
          yield batch;
        }
      } finally {
        await close();
      }
    },
    close,
  };
}

/**
 * The export's rows written by PostgreSQL itself (`COPY … TO STDOUT`), with `select` as the select list over `r`
 * (an `ExportRow`) and `options` as COPY's: a stream that pauses while its reader is behind.
 */
export async function openCandidateCopy(
  viewer: Viewer,
  filters: CandidateFilters,
  select: Prisma.Sql,
  options: Prisma.Sql,
  sharing: Omit<ExportSharing, 'format'>,
): Promise<ExportSource & { stream: Readable }> {
  const snapshot = await openExportSnapshot(viewer, filters, { ...sharing, format: 'csv' });
  try {
    await snapshot.client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    // COPY takes no parameters: the fragments' values are written in as literals.
    const stream = snapshot.client.query(copyTo(inlined(Prisma.sql`COPY (${exportRowsSql(filters, select, snapshot.options)}) TO STDOUT WITH (${options})`)));
    let copying = true;
    const close = async () => {
      // A COPY stopped halfway keeps the connection busy until it ends: drop the connection instead.
      await snapshot.close(!copying);
    };
    stream.once('end', () => {
      copying = false;
      void close();
    });
    stream.once('close', () => void close());
    stream.once('error', () => void close());
    return { actor: snapshot.actor, rowCount: snapshot.rowCount, sharingId: snapshot.sharingId, organization: snapshot.organization, stream, close };
  } catch (error) {
    await snapshot.close(false);
    throw error;
  }
}
