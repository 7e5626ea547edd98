import 'server-only';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { db } from '@/lib/db/client';
import { databaseUrl, serverConfig } from '@/lib/config/env';
import { recordAudit } from '@/lib/audit/record';
import { authorize, type Actor, type Viewer } from '@/lib/staff/session';
import type { CandidateFilters } from './filters';
import type { EnglishLevel } from './options';

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
const consentInForceJoin = `
  LEFT JOIN LATERAL (
    SELECT k.given_at, k.policy_version
      FROM consents k JOIN submissions s ON s.id = k.submission_id
     WHERE k.candidate_id = c.id AND k.revoked_at IS NULL AND NOT s.pending
     ORDER BY k.given_at DESC, k.id DESC
     LIMIT 1
  ) lc ON TRUE`;

const consentInForce = `c.status = 'active'`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** WHERE conditions for the filters, with numbered parameters. */
export function filterSql(filters: CandidateFilters, options: { consentInForceOnly?: boolean } = {}) {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.q) {
    const p = param(`%${escapeLike(filters.q)}%`);
    conditions.push(`(c.full_name ILIKE ${p} OR c.email ILIKE ${p})`);
  }
  if (filters.englishLevel?.length) conditions.push(`c.english_level::text = ANY(${param(filters.englishLevel)}::text[])`);
  if (filters.municipality) conditions.push(`c.municipality = ${param(filters.municipality)}`);
  if (filters.interest) conditions.push(`${param(filters.interest)} = ANY(c.interests)`);
  if (filters.program) conditions.push(`${param(filters.program)} = ANY(c.programs)`);
  // Dates are days in Colombia's time zone, both ends included.
  if (filters.from) conditions.push(`c.created_at >= (${param(filters.from)}::date::timestamp AT TIME ZONE 'America/Bogota')`);
  if (filters.to) conditions.push(`c.created_at < ((${param(filters.to)}::date + 1)::timestamp AT TIME ZONE 'America/Bogota')`);
  if (filters.consent) conditions.push(`c.status = ${param(filters.consent)}::candidate_status`);
  if (options.consentInForceOnly) conditions.push(consentInForce);
  return { where: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
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

/** One page of candidates, newest first. Audited: who searched for what and how many rows they saw. */
export async function listCandidates(
  viewer: Viewer,
  filters: CandidateFilters,
  page: number,
  context: { ipAddress: string | null },
): Promise<CandidatePage> {
  const actor = await authorize(viewer, 'candidates:read');
  const { where, params } = filterSql(filters);
  const prisma = db();
  const [{ total }] = await prisma.$queryRawUnsafe<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM candidates c WHERE ${where}`,
    ...params,
  ) as [{ total: number }];
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  const rows = await prisma.$queryRawUnsafe<
    (Omit<CandidateSummary, 'consentInForce' | 'englishLevel' | 'status'> & { englishLevel: string; status: string; consentInForce: boolean })[]
  >(
    `SELECT c.id, c.full_name AS "fullName", c.email, c.phone, c.municipality,
            c.english_level::text AS "englishLevel", c.interests, c.programs, c.created_at AS "createdAt",
            c.status::text AS status, ${consentInForce} AS "consentInForce"
       FROM candidates c
      WHERE ${where}
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}`,
    ...params,
  );
  await recordAudit({
    actor,
    action: 'candidates.list',
    details: { filters: { ...filters }, page: current, rows: rows.length, total },
    ipAddress: context.ipAddress,
  });
  return { rows: rows as CandidateSummary[], total, page: current, pageCount };
}

export interface CandidateDetail {
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
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
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

export interface ExportSource {
  actor: Actor;
  /** Rows the export will hold, counted in the same snapshot the rows are read from. */
  rowCount: number;
  /** Batches of rows, newest sign-up first, read through a server-side cursor. */
  batches(): AsyncGenerator<ExportRow[]>;
  /**
   * The same rows written by PostgreSQL itself as CSV (`COPY … TO STDOUT`), with `columns` as the select
   * list (SQL over `c`, the candidate, and `lc`, its consent in force) and `options` as COPY's CSV options.
   * Use either this or `batches`, once.
   */
  copyCsv(columns: string, options: string): Readable;
  /** Release the cursor and the connection; safe to call more than once. */
  close(): Promise<void>;
}

/** A filter value written into the SQL, for COPY, which takes no parameters. */
function literal(client: pg.Client, value: unknown): string {
  if (Array.isArray(value)) return `ARRAY[${value.map((v) => client.escapeLiteral(String(v))).join(',')}]::text[]`;
  return client.escapeLiteral(String(value));
}

const exportBatchSize = 200;

/** The export's SQL: how many rows, and the rows in order (the benchmark's COPY baseline runs the same). */
export function exportQuery(filters: CandidateFilters) {
  const { where, params } = filterSql(filters, { consentInForceOnly: true });
  return {
    count: `SELECT count(*)::int AS n FROM candidates c WHERE ${where}`,
    rows: `SELECT c.id, c.full_name, c.email, c.phone, c.municipality, c.birth_year::int AS birth_year,
                  c.english_level::text AS english_level, c.interests, c.programs, c.locale,
                  c.created_at, c.updated_at, lc.given_at AS consent_given_at,
                  lc.policy_version AS consent_policy_version
             FROM candidates c ${consentInForceJoin}
            WHERE ${where}
            ORDER BY c.created_at DESC, c.id DESC`,
    params,
    where,
  };
}

/**
 * Open a cursor over the candidates to export: authorized (`candidates:export`), only confirmed candidates whose
 * consent is in force (status active),
 * in a read-only REPEATABLE READ transaction on a connection of its own, so the count and the rows agree
 * and memory holds one batch at a time however many candidates there are.
 */
export async function openCandidateExport(viewer: Viewer, filters: CandidateFilters): Promise<ExportSource> {
  const actor = await authorize(viewer, 'candidates:export');
  const client = new pg.Client({
    connectionString: databaseUrl(),
    connectionTimeoutMillis: serverConfig().DATABASE_CONNECT_TIMEOUT_MS,
    application_name: 'bilingual-talent-export',
  });
  // A dropped connection must end the export, not the process.
  client.on('error', () => {});
  await client.connect();
  let closed = false;
  let cursor: Cursor<ExportRow> | undefined;
  let copying = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      // A COPY stopped halfway keeps the connection busy until it ends: drop the connection instead.
      if (copying) return;
      await cursor?.close();
      await client.query('COMMIT');
    } catch {
      // the connection is going away anyway
    } finally {
      await client.end().catch(() => {});
    }
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { count, rows, params, where } = exportQuery(filters);
    const counted = await client.query<{ n: number }>(count, params);
    const rowCount = counted.rows[0]?.n ?? 0;
    return {
      actor,
      rowCount,
      async *batches() {
        const open = (cursor = client.query(new Cursor<ExportRow>(rows, params)));
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
      copyCsv(columns, copyOptions) {
        const inlined = where.replace(/\$(\d+)/g, (_, n: string) => literal(client, params[Number(n) - 1]));
        void client.query(`SET LOCAL DateStyle = 'ISO, YMD'`).catch(() => {});
        const copy = client.query(
          copyTo(
            `COPY (SELECT ${columns} FROM candidates c ${consentInForceJoin} WHERE ${inlined}
                    ORDER BY c.created_at DESC, c.id DESC) TO STDOUT WITH (${copyOptions})`,
          ),
        );
        copying = true;
        copy.once('end', () => {
          copying = false;
          void close();
        });
        copy.once('close', () => void close());
        copy.once('error', () => void close());
        return copy;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
