import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { queueMail } from '@/lib/mail/outbox';
import { authorizeCandidate, type CandidateLink } from '@/lib/my-data/session';
import { dayToDbDate, dueDate, type Day } from './deadlines';
import { kindOfSubject, reclamoSchema, requestFieldErrors, type RequestErrorKey, type RequestSubject } from './schema';
import { standingColumns, standingOf, withdrawnFrom, type RequestStanding } from './standing';

// The candidate's side of the request register: what they do on My data is recorded as a request. Actions that
// complete at once (update, revoke, delete, download) are received and resolved in the transaction that carries
// them out; a reclamo in free text opens a case that staff answer within the legal term.

/**
 * Record a self-service request, received and resolved now, inside the transaction `tx` that does it. Only for
 * callers that have just checked the candidate's link (lib/my-data/rights.ts).
 */
export async function recordSelfServiceRequest(tx: Prisma.TransactionClient, candidateId: string, subject: RequestSubject, now: Date): Promise<void> {
  const kind = kindOfSubject(subject);
  await tx.dataRequest.create({
    data: {
      // A deletion removes the candidate in the same transaction: only the reference to them is kept.
      candidateId: subject === 'deletion' ? null : candidateId,
      candidateRef: candidateId,
      kind,
      subject,
      channel: 'my_data',
      status: 'resolved',
      selfService: true,
      receivedAt: now,
      dueOn: dayToDbDate(dueDate(kind, now)),
      closedAt: now,
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true },
  });
}

export interface ReclamoFormState {
  form: 'reclamo';
  values: { subject: string; description: string };
  fieldErrors: Record<string, RequestErrorKey>;
}

export type ReclamoOutcome = { ok: true; reference: number } | { ok: false; state: ReclamoFormState };

/** A reclamo in the candidate's own words: a case with its legal due date, acknowledged by mail. */
export async function fileReclamo(link: CandidateLink, formData: FormData, now = new Date()): Promise<ReclamoOutcome> {
  const candidateId = await authorizeCandidate(link);
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const values = { subject: text('subject').slice(0, 40), description: text('description').slice(0, 5000) };
  const parsed = reclamoSchema.safeParse(values);
  if (!parsed.success) return { ok: false, state: { form: 'reclamo', values, fieldErrors: requestFieldErrors(parsed.error) } };
  const due = dueDate('reclamo', now);
  const reference = await db().$transaction(async (tx) => {
    const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { email: true, locale: true } });
    const created = await tx.dataRequest.create({
      data: {
        candidateId,
        candidateRef: candidateId,
        kind: 'reclamo',
        subject: parsed.data.subject,
        channel: 'my_data',
        description: parsed.data.description,
        receivedAt: now,
        dueOn: dayToDbDate(due),
      },
      select: { id: true, reference: true },
    });
    await queueMail(tx, {
      template: 'request-update',
      locale: candidate.locale === 'en' ? 'en' : 'es',
      recipient: candidate.email,
      candidateId,
      payload: { reference: created.reference, kind: 'reclamo', variant: 'received', dueOn: due, text: null },
    });
    await recordAudit({ actor: null, action: 'candidate.my-data-reclamo', details: { candidateId, requestId: created.id, subject: parsed.data.subject, dueOn: due } }, tx);
    return created.reference;
  });
  return { ok: true, reference };
}

export interface MyRequest extends RequestStanding {
  extensionReason: string | null;
  infoMissing: string | null;
  withdrawnFrom: Day | null;
  description: string;
  answer: string | null;
}

/** The candidate's requests and where each stands, newest first. */
export async function myRequests(link: CandidateLink): Promise<MyRequest[]> {
  const candidateId = await authorizeCandidate(link);
  const rows = await db().dataRequest.findMany({
    where: { candidateId },
    orderBy: [{ receivedAt: 'desc' }, { reference: 'desc' }],
    take: 200,
    select: { ...standingColumns, extensionReason: true, infoMissing: true, infoRequestedAt: true, description: true, answer: true },
  });
  return rows.map((r) => ({
    ...standingOf(r),
    extensionReason: r.extensionReason,
    infoMissing: r.infoMissing,
    withdrawnFrom: withdrawnFrom(r),
    description: r.description,
    answer: r.answer,
  }));
}
