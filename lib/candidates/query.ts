import 'server-only';
import { isUuid } from '@/lib/ids';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { db, Prisma } from '@/lib/db/client';
import { inlined } from '@/lib/db/sql';
import { siteTimeZone, siteWallClock } from '@/lib/time-zone';
import { databaseUrl, serverConfig } from '@/lib/config/env';
import { recordAudit } from '@/lib/audit/record';
import { auditedFilters } from '@/lib/audit/search';
import { authorize, type Actor, type Viewer } from '@/lib/staff/session';
import { reclamoInProcessSql, reclamoReasonOf } from '@/lib/requests/marks';
import type { CandidateFilters, ListView, SortKey } from './filters';
import { englishLevels, type EnglishLevel } from './options';
import type { ConsentPurpose } from '@/lib/consent/policy';
import { recordExportSharing, type ExportSharing } from '@/lib/sharing/export';
import { candidateColumns, consentHistory, submissionHistory, type CandidateRecord, type CandidateStatus, type ConsentRecord, type SubmissionRecord } from './record';

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

/**
 * Who may be exported: consent in force, and no reclamo in process (Ley 1581 art. 15: while the record carries
 * "reclamo en trámite", the data is not shared until the reclamo is decided).
 */
const exportable = Prisma.sql`${consentInForce} AND NOT ${reclamoInProcessSql}`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The calendar year in Colombia: ages are this year minus the year of birth. */
export function currentSiteYear(now = new Date()): number {
  return siteWallClock(now).getUTCFullYear();
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
    // Through the trigram indexes (issue-20 migration): names compared without accents or case, addresses as
    // stored (lower case). LIKE wildcards typed in the search are plain characters.
    const pattern = escapeLike(filters.q);
    // An address typed whole: its domain's trigrams are in nearly every row ("example.com"), and fetching their
    // postings costs more than the rest of the page. The index looks for the part up to the "@"; the whole is then
    // checked on those rows only (`email || ''` is the same text, but no index matches it).
    const at = pattern.indexOf('@');
    const emailMatch =
      at >= 2
        ? Prisma.sql`(c.email LIKE '%' || lower(${pattern.slice(0, at + 1)}) || '%' AND (c.email || '') LIKE '%' || lower(${pattern}) || '%')`
        : Prisma.sql`c.email LIKE '%' || lower(${pattern}) || '%'`;
    conditions.push(Prisma.sql`(search_text(c.full_name) LIKE '%' || search_text(${pattern}) || '%' OR ${emailMatch})`);
  }
  if (filters.englishLevel?.length) conditions.push(Prisma.sql`c.english_level = ANY(${filters.englishLevel}::english_level[])`);
  if (filters.levelMin) conditions.push(Prisma.sql`c.english_level >= ${filters.levelMin}::english_level`);
  const year = currentSiteYear();
  if (filters.ageMin !== undefined) conditions.push(Prisma.sql`c.birth_year <= ${year - filters.ageMin}::smallint`);
  if (filters.ageMax !== undefined) conditions.push(Prisma.sql`c.birth_year >= ${year - filters.ageMax}::smallint`);
  if (filters.municipality) conditions.push(Prisma.sql`c.municipality = ${filters.municipality}`);
  if (filters.interest) conditions.push(Prisma.sql`c.interests @> ARRAY[${filters.interest}]::text[]`);
  if (filters.program) conditions.push(Prisma.sql`c.programs @> ARRAY[${filters.program}]::text[]`);
  // Dates are days in the site's time zone, both ends included.
  if (filters.from) conditions.push(Prisma.sql`c.created_at >= (${filters.from}::date::timestamp AT TIME ZONE ${siteTimeZone})`);
  if (filters.to) conditions.push(Prisma.sql`c.created_at < ((${filters.to}::date + 1)::timestamp AT TIME ZONE ${siteTimeZone})`);
  if (filters.consent) conditions.push(Prisma.sql`c.status = ${filters.consent}::candidate_status`);
  if (options.consentInForceOnly) conditions.push(exportable);
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
  birthYear: number;
  interests: string[];
  programs: string[];
  createdAt: Date;
  status: CandidateStatus;
  consentInForce: boolean;
  /** The newest mail sent to the candidate, when the column was asked for. */
  lastContact: Date | null;
  /** The subject of a reclamo in process ("reclamo en trámite"), or null. */
  reclamo: string | null;
}

export const pageSize = 25;
/** Beyond this many matches a filtered list says "more than …" instead of counting them all. */
export const exactCountLimit = 1_000;

export interface CandidatePage {
  rows: CandidateSummary[];
  /** Exact when `countExact`; otherwise the list has more than this many. */
  count: number;
  countExact: boolean;
  /** Keyset links: the id to continue after (next page) or before (previous page); none at either end. */
  nextAfter: string | null;
  previousBefore: string | null;
  /** The candidate the page was positioned on no longer exists: the first page is shown instead. */
  positionLost: boolean;
}

// The sort columns, as SQL over `c`. Each has an index (column, created_at, id), or a unique one (email).
const sortColumns: Record<SortKey, Prisma.Sql | null> = {
  signedUp: null,
  name: Prisma.sql`c.full_name`,
  email: Prisma.sql`c.email`,
  municipality: Prisma.sql`c.municipality`,
  englishLevel: Prisma.sql`c.english_level`,
  age: Prisma.sql`c.birth_year`,
  status: Prisma.sql`c.status`,
};

export interface Position {
  full_name: string;
  email: string;
  municipality: string;
  english_level: string;
  birth_year: number;
  status: string;
  created_at: Date;
  id: string;
}

/** The position's value of the sort column, typed as the column is. */
function positionValue(sort: SortKey, p: Position): Prisma.Sql {
  switch (sort) {
    case 'name':
      return Prisma.sql`${p.full_name}::text`;
    case 'email':
      return Prisma.sql`${p.email}::text`;
    case 'municipality':
      return Prisma.sql`${p.municipality}::text`;
    case 'englishLevel':
      return Prisma.sql`${p.english_level}::english_level`;
    case 'age':
      return Prisma.sql`${p.birth_year}::smallint`;
    case 'status':
      return Prisma.sql`${p.status}::candidate_status`;
    default:
      return Prisma.empty;
  }
}

/**
 * One keyset page: `ascending` is the direction the rows are read in (the order shown, or its reverse for a
 * previous page). The row comparison matches the index's order, so PostgreSQL starts the index scan at the position.
 */
export function pageSql(where: Prisma.Sql, sort: SortKey, ascending: boolean, position: Position | null, limit: number, lastContact: boolean): Prisma.Sql {
  const column = sortColumns[sort];
  const key = column ? Prisma.sql`${column}, c.created_at, c.id` : Prisma.sql`c.created_at, c.id`;
  const dir = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const order = column ? Prisma.sql`${column} ${dir}, c.created_at ${dir}, c.id ${dir}` : Prisma.sql`c.created_at ${dir}, c.id ${dir}`;
  const conditions = [where];
  if (position) {
    const at = column
      ? Prisma.sql`${positionValue(sort, position)}, ${position.created_at}::timestamptz, ${position.id}::uuid`
      : Prisma.sql`${position.created_at}::timestamptz, ${position.id}::uuid`;
    conditions.push(ascending ? Prisma.sql`(${key}) > (${at})` : Prisma.sql`(${key}) < (${at})`);
  }
  // The last contact and the reclamo mark are looked up for the rows of the page only, after the LIMIT.
  return Prisma.sql`
    SELECT p.*, ${lastContact ? Prisma.sql`(SELECT max(m.sent_at) FROM mail_outbox m WHERE m.candidate_id = p.id AND m.sent_at IS NOT NULL)` : Prisma.sql`NULL::timestamptz`} AS "lastContact",
           ${reclamoReasonOf(Prisma.raw('p.id'))} AS reclamo
      FROM (SELECT c.id, c.full_name AS "fullName", c.email, c.phone, c.municipality,
                   c.english_level::text AS "englishLevel", c.birth_year::int AS "birthYear", c.interests, c.programs,
                   c.created_at AS "createdAt", c.status::text AS status, ${consentInForce} AS "consentInForce"
              FROM candidates c
             WHERE ${Prisma.join(conditions, ' AND ')}
             ORDER BY ${order}
             LIMIT ${limit}) p`;
}

/**
 * How many match, as SQL returning `n`. From the dashboard's counts when the filters are ones they are kept by (at
 * most one of level, municipality, interest and program, with status and dates): exact at any size (`bounded`
 * false). Otherwise counted up to `exactCountLimit + 1` (`bounded`), so a broad search never counts a million rows.
 */
export function countSql(filters: CandidateFilters): { sql: Prisma.Sql; bounded: boolean } {
  const dimensions: [string, string[]][] = [];
  if (filters.englishLevel || filters.levelMin) {
    const min = filters.levelMin ? englishLevels.indexOf(filters.levelMin) : 0;
    const levels = englishLevels.filter((l, i) => i >= min && (!filters.englishLevel || filters.englishLevel.includes(l)));
    dimensions.push(['level', levels]);
  }
  if (filters.municipality) dimensions.push(['municipality', [filters.municipality]]);
  if (filters.interest) dimensions.push(['interest', [filters.interest]]);
  if (filters.program) dimensions.push(['program', [filters.program]]);
  const kept = !filters.q && filters.ageMin === undefined && filters.ageMax === undefined && dimensions.length <= 1;
  if (!kept) {
    return {
      sql: Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM candidates c WHERE ${filterSql(filters)} LIMIT ${exactCountLimit + 1}) m`,
      bounded: true,
    };
  }
  const [dimension, keys] = dimensions[0] ?? ['all', ['']];
  const status = filters.consent ? Prisma.sql`AND status = ${filters.consent}::candidate_status` : Prisma.empty;
  const days = Boolean(filters.from || filters.to);
  const range = Prisma.sql`${filters.from ? Prisma.sql`AND day >= ${filters.from}::date` : Prisma.empty} ${filters.to ? Prisma.sql`AND day <= ${filters.to}::date` : Prisma.empty}`;
  return {
    sql: Prisma.sql`
      SELECT (coalesce((SELECT sum(n) FROM ${days ? Prisma.sql`candidate_daily_counts` : Prisma.sql`candidate_total_counts`}
                         WHERE dimension = ${dimension} AND key = ANY(${keys}::text[]) ${status} ${days ? range : Prisma.empty}), 0)
            + coalesce((SELECT sum(delta) FROM candidate_count_pending()
                         WHERE dimension = ${dimension} AND key = ANY(${keys}::text[]) ${status} ${range}), 0))::int AS n`,
    bounded: false,
  };
}

async function countMatches(filters: CandidateFilters): Promise<{ count: number; exact: boolean }> {
  const { sql, bounded } = countSql(filters);
  const [row] = await db().$queryRaw<{ n: number }[]>(sql);
  const n = row?.n ?? 0;
  return bounded && n > exactCountLimit ? { count: exactCountLimit, exact: false } : { count: n, exact: true };
}

/**
 * One page of candidates in the view's order (newest first by default), positioned after or before a candidate
 * (keyset: no OFFSET, so a deep page costs what the first does). A search puts the candidate whose address is
 * exactly the search first, on the first page. Audited: who searched with which filters and how many rows they saw
 * (never the search text itself: lib/audit/search.ts).
 */
export async function listCandidates(
  viewer: Viewer,
  filters: CandidateFilters,
  view: Partial<ListView>,
  context: { ipAddress: string | null },
): Promise<CandidatePage> {
  const actor = await authorize(viewer, 'candidates:read');
  const sort = view.sort ?? 'signedUp';
  const shownAscending = (view.dir ?? (sort === 'signedUp' ? 'desc' : 'asc')) === 'asc';
  const lastContact = view.columns?.includes('lastContact') ?? false;
  const prisma = db();
  const exactEmail = filters.q?.includes('@') ? filters.q.toLowerCase() : null;
  const where = exactEmail ? Prisma.sql`${filterSql(filters)} AND c.email <> ${exactEmail}` : filterSql(filters);

  const cursor = view.after ?? view.before ?? null;
  let position: Position | null = null;
  if (cursor) {
    [position = null] = await prisma.$queryRaw<Position[]>`
      SELECT full_name, email, municipality, english_level::text AS english_level, birth_year::int AS birth_year,
             status::text AS status, created_at, id
        FROM candidates WHERE id = ${cursor}::uuid`;
  }
  const backwards = Boolean(position && view.before);
  // Ages ascend as years of birth descend.
  const read = (at: Position | null, ascending: boolean) =>
    prisma.$queryRaw<CandidateSummary[]>(pageSql(where, sort, sort === 'age' ? !ascending : ascending, at, pageSize + 1, lastContact));

  // The count and the exact address do not depend on the page: asked for beside it, on other connections of the
  // pool, so a search costs its slowest statement rather than the sum (a broad search's bounded count is ~15 ms at
  // 1,000,000 candidates). A failure of any of them fails the page before anything is audited or shown.
  const counted = countMatches(filters);
  const exactRows = exactEmail
    ? prisma.$queryRaw<CandidateSummary[]>(pageSql(Prisma.sql`${filterSql(filters)} AND c.email = ${exactEmail}`, sort, true, null, 1, lastContact))
    : null;
  // Settled here so that a rejection is not left unhandled while the page is read.
  const side = Promise.all([counted, exactRows]);
  side.catch(() => {});
  let rows = await read(position, backwards ? !shownAscending : shownAscending);
  let more = rows.length > pageSize;
  rows = rows.slice(0, pageSize);
  let nextAfter: string | null;
  let atStart = !position;
  if (backwards) {
    rows.reverse();
    if (!more) {
      // Back at the beginning: the first page, read as such (it may hold more rows than were left before).
      rows = (await read(null, shownAscending)).slice(0, pageSize + 1);
      more = rows.length > pageSize;
      rows = rows.slice(0, pageSize);
      atStart = true;
      nextAfter = more ? rows.at(-1)!.id : null;
    } else {
      nextAfter = rows.at(-1)?.id ?? null;
    }
  } else {
    nextAfter = more ? rows.at(-1)!.id : null;
  }
  const previousBefore = atStart ? null : (rows[0]?.id ?? null);

  const [{ count, exact }, exactFound] = await side;
  if (exactFound && atStart) rows = [...exactFound, ...rows];
  await recordAudit({
    actor,
    action: 'candidates.list',
    details: {
      ...auditedFilters(filters),
      sort,
      dir: shownAscending ? 'asc' : 'desc',
      after: view.after ?? null,
      before: view.before ?? null,
      rows: rows.length,
      count,
      countExact: exact,
    },
    ipAddress: context.ipAddress,
  });
  return { rows, count, countExact: exact, nextAfter, previousBefore, positionLost: Boolean(cursor && !position) };
}

export interface CandidateDetail extends CandidateRecord {
  consentInForce: boolean;
  /** Reclamos in process: the candidate carries "reclamo en trámite" and is left out of exports until they are decided. */
  reclamos: { id: string; reference: number; subject: string; description: string; receivedAt: Date }[];
  submissions: SubmissionRecord[];
  consents: ConsentRecord<{ sha256: string; policyVersion: string; locale: string; text: string }>[];
}

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
      ...candidateColumns,
      requests: {
        where: { kind: 'reclamo', status: { in: ['open', 'awaiting_info'] } },
        orderBy: { receivedAt: 'asc' },
        select: { id: true, reference: true, subject: true, description: true, receivedAt: true },
      },
      submissions: submissionHistory,
      consents: consentHistory({ sha256: true, policyVersion: true, locale: true, text: true }),
    },
  });
  await recordAudit({
    actor,
    action: 'candidate.view',
    details: { candidateId: id, found: Boolean(row) },
    ipAddress: context.ipAddress,
  });
  if (!row) return null;
  const { requests, ...rest } = row;
  return { ...rest, reclamos: requests, consentInForce: row.status === 'active' };
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
