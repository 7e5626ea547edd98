import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { queueMail } from '@/lib/mail/outbox';
import type { Locale } from '@/lib/i18n/routing';
import { authorize, type Viewer } from '@/lib/staff/session';
import {
  colombianDay,
  dayToDbDate,
  dbDateToDay,
  deadlineState,
  dueDate,
  dueSoonLimit,
  extendedDueDate,
  infoRequestDueDate,
  withdrawalDay,
  type DeadlineState,
  type Day,
} from './deadlines';
import {
  recordRequestSchema,
  requestFieldErrors,
  requestText,
  type RequestErrorKey,
  type RequestSubject,
} from './schema';
import { standingColumns, standingOf, withdrawnFrom, type RequestStanding } from './standing';

// The request register (Ley 1581 de 2012 arts. 14 and 15): staff read and act on requests only through these
// functions, each taking the verified Viewer, authorized for `requests:manage` and audited. Every change that the
// law says the person must be told (receipt, an extension with its reason and new date, what a reclamo lacks, the
// answer) queues its mail in the same transaction, in the candidate's language.

type Context = { ipAddress: string | null };
type Tx = Prisma.TransactionClient;

/** A request's statuses while it is being handled: a reclamo in one of them marks the candidate "reclamo en trámite". */
export const inProcessStatuses = ['open', 'awaiting_info'] as const;

export interface RequestRow extends RequestStanding {
  id: string;
  candidateId: string | null;
  candidateName: string | null;
  deadline: DeadlineState | null;
}

export interface RequestDetail extends RequestRow {
  candidateEmail: string | null;
  candidateLocale: string | null;
  description: string;
  firstDue: Day;
  extendedAt: Date | null;
  extensionReason: string | null;
  infoRequestedAt: Date | null;
  infoMissing: string | null;
  infoReceivedAt: Date | null;
  /** While awaiting information: the first day the reclamo counts as withdrawn. */
  withdrawnFrom: Day | null;
  /** For a reclamo not yet asked for anything: by when what is missing must be asked for. */
  infoRequestDue: Day | null;
  answer: string | null;
  closedByName: string | null;
  recordedByName: string | null;
  /** Whether the one extension may still be given (not yet extended, first term not over). */
  canExtend: boolean;
}

const rowSelect = {
  id: true,
  candidateId: true,
  ...standingColumns,
  candidate: { select: { fullName: true } },
} as const;

type SelectedRow = Prisma.DataRequestGetPayload<{ select: typeof rowSelect }>;

function toRow(r: SelectedRow, today: Day): RequestRow {
  const standing = standingOf(r);
  return {
    id: r.id,
    candidateId: r.candidateId,
    candidateName: r.candidate?.fullName ?? null,
    ...standing,
    deadline: standing.status === 'open' ? deadlineState(standing.due, today) : null,
  };
}

/** The effective due date (the extended one when there is one), as SQL over `data_requests`. */
const effectiveDue = Prisma.sql`COALESCE(extended_due_on, due_on)`;

export type RequestView = 'open' | 'closed';

export interface RequestRegister {
  overdue: RequestRow[];
  dueSoon: RequestRow[];
  rows: RequestRow[];
  view: RequestView;
}

async function idsDueBy(limit: Day): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id FROM data_requests WHERE status = 'open' AND ${effectiveDue} <= ${limit}::date ORDER BY ${effectiveDue}, received_at`);
  return rows.map((r) => r.id);
}

/** The register: what is overdue, what is due within the next 3 business days, and the open (or closed) requests. Audited. */
export async function listRequests(viewer: Viewer, view: RequestView, context: Context, now = new Date()): Promise<RequestRegister> {
  const actor = await authorize(viewer, 'requests:manage');
  const today = colombianDay(now);
  const dueIds = await idsDueBy(dueSoonLimit(today));
  const [due, rows] = await Promise.all([
    db().dataRequest.findMany({ where: { id: { in: dueIds } }, select: rowSelect }),
    db().dataRequest.findMany({
      where: view === 'open' ? { status: { in: [...inProcessStatuses] } } : { status: { notIn: [...inProcessStatuses] } },
      orderBy: view === 'open' ? [{ receivedAt: 'asc' }] : [{ closedAt: 'desc' }],
      take: 200,
      select: rowSelect,
    }),
  ]);
  const dueRows = due.map((r) => toRow(r, today)).sort((a, b) => a.due.localeCompare(b.due) || a.reference - b.reference);
  await recordAudit({ actor, action: 'requests.list', details: { view, rows: rows.length, due: dueRows.length }, ipAddress: context.ipAddress });
  return {
    overdue: dueRows.filter((r) => r.deadline === 'overdue'),
    dueSoon: dueRows.filter((r) => r.deadline === 'dueSoon'),
    rows: rows.map((r) => toRow(r, today)),
    view,
  };
}

/** How many requests are overdue and due soon, for the staff dashboard (counts only, no one named). */
export async function requestDeadlineCounts(viewer: Viewer, now = new Date()): Promise<{ overdue: number; dueSoon: number }> {
  await authorize(viewer, 'requests:manage');
  return deadlineCounts(now);
}

async function deadlineCounts(now: Date): Promise<{ overdue: number; dueSoon: number }> {
  const today = colombianDay(now);
  const [row] = await db().$queryRaw<{ overdue: number; due_soon: number }[]>(Prisma.sql`
    SELECT count(*) FILTER (WHERE ${effectiveDue} < ${today}::date)::int AS overdue,
           count(*) FILTER (WHERE ${effectiveDue} >= ${today}::date AND ${effectiveDue} <= ${dueSoonLimit(today)}::date)::int AS due_soon
      FROM data_requests WHERE status = 'open'`);
  return { overdue: row?.overdue ?? 0, dueSoon: row?.due_soon ?? 0 };
}

const detailSelect = {
  ...rowSelect,
  description: true,
  extendedAt: true,
  extensionReason: true,
  infoRequestedAt: true,
  infoMissing: true,
  infoReceivedAt: true,
  answer: true,
  candidate: { select: { fullName: true, email: true, locale: true } },
  closedBy: { select: { name: true } },
  recordedBy: { select: { name: true } },
} as const;

/** One request with its history. Audited. */
export async function getRequest(viewer: Viewer, id: string, context: Context, now = new Date()): Promise<RequestDetail | null> {
  const actor = await authorize(viewer, 'requests:manage');
  if (!isUuid(id)) return null;
  const r = await db().dataRequest.findUnique({ where: { id }, select: detailSelect });
  await recordAudit({ actor, action: 'request.view', details: { requestId: id, found: Boolean(r), ...(r?.candidateId ? { candidateId: r.candidateId } : {}) }, ipAddress: context.ipAddress });
  if (!r) return null;
  const today = colombianDay(now);
  const firstDue = dbDateToDay(r.dueOn);
  return {
    ...toRow(r, today),
    candidateEmail: r.candidate?.email ?? null,
    candidateLocale: r.candidate?.locale ?? null,
    description: r.description,
    firstDue,
    extendedAt: r.extendedAt,
    extensionReason: r.extensionReason,
    infoRequestedAt: r.infoRequestedAt,
    infoMissing: r.infoMissing,
    infoReceivedAt: r.infoReceivedAt,
    withdrawnFrom: withdrawnFrom(r),
    infoRequestDue: r.kind === 'reclamo' && r.status === 'open' && !r.infoRequestedAt && !r.infoReceivedAt ? infoRequestDueDate(r.receivedAt) : null,
    answer: r.answer,
    closedByName: r.closedBy?.name ?? null,
    recordedByName: r.recordedBy?.name ?? null,
    canExtend: r.status === 'open' && !r.extendedAt && today <= firstDue,
  };
}

export type ChangeResult = { ok: true; id: string } | { ok: false; error: 'notFound' | 'notAllowed' } | { ok: false; fieldErrors: Record<string, RequestErrorKey> };

const notFound = { ok: false, error: 'notFound' } as const;
const notAllowed = { ok: false, error: 'notAllowed' } as const;

/** What the candidate is told, in their language, through the outbox. */
async function tellCandidate(
  tx: Tx,
  request: { id: string; reference: number; kind: 'consulta' | 'reclamo'; candidateId: string | null },
  message: { variant: 'received' | 'extended' | 'info' | 'answer'; dueOn?: Day; text?: string },
): Promise<void> {
  if (!request.candidateId) return;
  const candidate = await tx.candidate.findUnique({ where: { id: request.candidateId }, select: { email: true, locale: true } });
  if (!candidate) return;
  await queueMail(tx, {
    template: 'request-update',
    locale: (candidate.locale === 'en' ? 'en' : 'es') as Locale,
    recipient: candidate.email,
    candidateId: request.candidateId,
    payload: { reference: request.reference, kind: request.kind, variant: message.variant, dueOn: message.dueOn ?? null, text: message.text ?? null },
  });
}

/** A request received by email, letter, phone or in person, recorded by staff for a candidate. */
export async function recordRequest(viewer: Viewer, candidateId: string, form: Record<string, unknown>, context: Context): Promise<ChangeResult> {
  const actor = await authorize(viewer, 'requests:manage');
  if (!isUuid(candidateId)) return notFound;
  const parsed = recordRequestSchema().safeParse(form);
  if (!parsed.success) return { ok: false, fieldErrors: requestFieldErrors(parsed.error) };
  const input = parsed.data;
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const exists = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true } });
    if (!exists) return notFound;
    const due = dueDate(input.kind, input.receivedAt);
    const created = await tx.dataRequest.create({
      data: {
        candidateId,
        candidateRef: candidateId,
        kind: input.kind,
        subject: input.subject,
        channel: input.channel,
        description: input.description,
        receivedAt: input.receivedAt,
        dueOn: dayToDbDate(due),
        recordedById: actor.id,
      },
      select: { id: true, reference: true, kind: true, candidateId: true },
    });
    await tellCandidate(tx, created, { variant: 'received', dueOn: due });
    await recordAudit(
      { actor, action: 'request.record', details: { requestId: created.id, candidateId, kind: input.kind, subject: input.subject, channel: input.channel, dueOn: due }, ipAddress: context.ipAddress },
      tx,
    );
    return { ok: true, id: created.id };
  });
}

/** Locks the request for a change; null when there is no such request. */
async function lockRequest(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM data_requests WHERE id = ${id}::uuid FOR UPDATE`);
  if (!rows[0]) return null;
  return tx.dataRequest.findUniqueOrThrow({
    where: { id },
    select: { id: true, reference: true, kind: true, status: true, candidateId: true, dueOn: true, extendedAt: true, infoRequestedAt: true, infoReceivedAt: true },
  });
}

/**
 * The one extension the law allows (5 business days for a consulta, 8 for a reclamo), before the first term ends:
 * the candidate is mailed the reason and the new date now, which is recorded as the date it was communicated.
 */
export async function extendRequest(viewer: Viewer, id: string, reasonInput: unknown, context: Context, now = new Date()): Promise<ChangeResult> {
  const actor = await authorize(viewer, 'requests:manage');
  if (!isUuid(id)) return notFound;
  const reason = requestText.safeParse(typeof reasonInput === 'string' ? reasonInput : '');
  if (!reason.success) return { ok: false, fieldErrors: { reason: requestFieldErrors(reason.error).form ?? 'text.required' } };
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const r = await lockRequest(tx, id);
    if (!r) return notFound;
    const firstDue = dbDateToDay(r.dueOn);
    if (r.status !== 'open' || r.extendedAt || colombianDay(now) > firstDue) return notAllowed;
    const newDue = extendedDueDate(r.kind, firstDue);
    await tx.dataRequest.update({
      where: { id },
      data: { extendedAt: now, extensionReason: reason.data, extendedDueOn: dayToDbDate(newDue), updatedAt: now },
      select: { id: true },
    });
    await tellCandidate(tx, r, { variant: 'extended', dueOn: newDue, text: reason.data });
    await recordAudit({ actor, action: 'request.extend', details: { requestId: id, candidateId: r.candidateId, dueOn: newDue }, ipAddress: context.ipAddress }, tx);
    return { ok: true, id };
  });
}

/**
 * An incomplete reclamo (art. 15): the candidate is asked for what is missing; the term stops until it arrives, and
 * the reclamo counts as withdrawn two months later without an answer (withdrawStaleReclamos).
 */
export async function askForMissingInformation(viewer: Viewer, id: string, missingInput: unknown, context: Context, now = new Date()): Promise<ChangeResult> {
  const actor = await authorize(viewer, 'requests:manage');
  if (!isUuid(id)) return notFound;
  const missing = requestText.safeParse(typeof missingInput === 'string' ? missingInput : '');
  if (!missing.success) return { ok: false, fieldErrors: { missing: requestFieldErrors(missing.error).form ?? 'text.required' } };
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const r = await lockRequest(tx, id);
    if (!r) return notFound;
    if (r.kind !== 'reclamo' || r.status !== 'open' || r.infoRequestedAt) return notAllowed;
    await tx.dataRequest.update({ where: { id }, data: { status: 'awaiting_info', infoRequestedAt: now, infoMissing: missing.data, updatedAt: now }, select: { id: true } });
    await tellCandidate(tx, r, { variant: 'info', dueOn: withdrawalDay(now), text: missing.data });
    await recordAudit({ actor, action: 'request.ask-info', details: { requestId: id, candidateId: r.candidateId }, ipAddress: context.ipAddress }, tx);
    return { ok: true, id };
  });
}

/** What was missing arrived: the reclamo is complete, and its 15 business days run from the day after. */
export async function missingInformationReceived(viewer: Viewer, id: string, context: Context, now = new Date()): Promise<ChangeResult> {
  const actor = await authorize(viewer, 'requests:manage');
  if (!isUuid(id)) return notFound;
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const r = await lockRequest(tx, id);
    if (!r) return notFound;
    if (r.status !== 'awaiting_info') return notAllowed;
    const due = dueDate('reclamo', now);
    await tx.dataRequest.update({ where: { id }, data: { status: 'open', infoReceivedAt: now, dueOn: dayToDbDate(due), updatedAt: now }, select: { id: true } });
    await tellCandidate(tx, r, { variant: 'received', dueOn: due });
    await recordAudit({ actor, action: 'request.info-received', details: { requestId: id, candidateId: r.candidateId, dueOn: due }, ipAddress: context.ipAddress }, tx);
    return { ok: true, id };
  });
}

/** The answer: mailed to the candidate, and the request closed by this staff member. A reclamo's mark goes with it. */
export async function answerRequest(viewer: Viewer, id: string, answerInput: unknown, context: Context, now = new Date()): Promise<ChangeResult> {
  const actor = await authorize(viewer, 'requests:manage');
  if (!isUuid(id)) return notFound;
  const answer = requestText.safeParse(typeof answerInput === 'string' ? answerInput : '');
  if (!answer.success) return { ok: false, fieldErrors: { answer: requestFieldErrors(answer.error).form ?? 'text.required' } };
  return db().$transaction(async (tx): Promise<ChangeResult> => {
    const r = await lockRequest(tx, id);
    if (!r) return notFound;
    if (r.status !== 'open' && r.status !== 'awaiting_info') return notAllowed;
    await tx.dataRequest.update({
      where: { id },
      data: { status: 'resolved', answer: answer.data, closedAt: now, closedById: actor.id, updatedAt: now },
      select: { id: true },
    });
    await tellCandidate(tx, r, { variant: 'answer', text: answer.data });
    await recordAudit({ actor, action: 'request.answer', details: { requestId: id, candidateId: r.candidateId }, ipAddress: context.ipAddress }, tx);
    return { ok: true, id };
  });
}

/** The requests of one candidate, for their staff page (the caller has authorized `candidates:read`). */
export async function candidateRequests(viewer: Viewer, candidateId: string, now = new Date()): Promise<RequestRow[]> {
  await authorize(viewer, 'candidates:read');
  if (!isUuid(candidateId)) return [];
  const rows = await db().dataRequest.findMany({ where: { candidateId }, orderBy: { receivedAt: 'desc' }, take: 100, select: rowSelect });
  return rows.map((r) => toRow(r, colombianDay(now)));
}

// ——— Scheduled jobs (graphile-worker, lib/jobs/worker.ts) ———

/** Incomplete reclamos whose two months without an answer have passed count as withdrawn (art. 15). */
export async function withdrawStaleReclamos(now = new Date()): Promise<number> {
  const waiting = await db().dataRequest.findMany({ where: { status: 'awaiting_info' }, select: { id: true, candidateId: true, infoRequestedAt: true } });
  const today = colombianDay(now);
  const stale = waiting.filter((r) => r.infoRequestedAt && today >= withdrawalDay(r.infoRequestedAt));
  for (const r of stale) {
    await db().$transaction(async (tx) => {
      const { count } = await tx.dataRequest.updateMany({ where: { id: r.id, status: 'awaiting_info' }, data: { status: 'withdrawn', closedAt: now, updatedAt: now } });
      if (count === 1) await recordAudit({ actor: null, action: 'request.withdrawn', details: { requestId: r.id, candidateId: r.candidateId } }, tx);
    });
  }
  return stale.length;
}

export interface DigestItem {
  reference: number;
  kind: 'consulta' | 'reclamo';
  subject: RequestSubject;
  dueOn: Day;
}

/**
 * The daily mail to the staff who handle requests (admins and the privacy role): what is overdue and what is due in
 * the next 3 business days, by reference and date only (no names). Nothing due, no mail.
 */
export async function sendRequestDigest(now = new Date()): Promise<number> {
  const today = colombianDay(now);
  const rows = await db().$queryRaw<{ reference: number; kind: 'consulta' | 'reclamo'; subject: RequestSubject; due: Date }[]>(Prisma.sql`
    SELECT reference, kind::text AS kind, subject::text AS subject, ${effectiveDue} AS due
      FROM data_requests WHERE status = 'open' AND ${effectiveDue} <= ${dueSoonLimit(today)}::date
     ORDER BY ${effectiveDue}, reference`);
  if (rows.length === 0) return 0;
  const items = rows.map((r) => ({ reference: r.reference, kind: r.kind, subject: r.subject, dueOn: dbDateToDay(r.due) }));
  const overdue = items.filter((i) => i.dueOn < today);
  const dueSoon = items.filter((i) => i.dueOn >= today);
  return db().$transaction(async (tx) => {
    const recipients = await tx.staffUser.findMany({ where: { role: { in: ['admin', 'privacy'] }, disabledAt: null }, select: { email: true } });
    for (const r of recipients) {
      await queueMail(tx, { template: 'requests-digest', locale: 'es', recipient: r.email, payload: { day: today, overdue, dueSoon } });
    }
    await recordAudit({ actor: null, action: 'requests.digest', details: { day: today, overdue: overdue.length, dueSoon: dueSoon.length, recipients: recipients.length } }, tx);
    return recipients.length;
  });
}
