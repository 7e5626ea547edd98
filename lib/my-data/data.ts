import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { candidateColumns, consentHistory, submissionHistory, type CandidateRecord, type CandidateStatus, type ConsentRecord, type SubmissionRecord } from '@/lib/candidates/record';
import { myOpportunities, type CandidateOpportunity } from '@/lib/opportunities/pipeline';
import { sharingsSql, type CandidateSharing } from '@/lib/sharing/list';
import { authorizeCandidate, type CandidateLink } from './session';

// Everything held about a candidate, as their My data page shows it and their download contains it: current
// details, every submission, every consent with its evidence and the exact notice text accepted, withdrawals,
// the mails sent to them, and every recorded use of their data (staff looking at their record, exports that
// name them, their own actions).

export interface MyData {
  candidate: CandidateRecord;
  submissions: SubmissionRecord[];
  /** The notice's version and language are the consent's own. */
  consents: ConsentRecord<{ sha256: string; text: string }>[];
  withdrawals: { purposes: string[]; source: string; createdAt: Date }[];
  mails: { template: string; status: string; createdAt: Date; sentAt: Date | null }[];
  /** The opportunities the candidate was told about, their status in each and its history (notes included). */
  opportunities: CandidateOpportunity[];
  /** Every organization their data was shared with (an export or a referral): when, to whom, what for. */
  sharings: { createdAt: Date; organization: string; country: string; receivesAs: string; purpose: string; format: string }[];
  /** Recorded uses of the data and the candidate's own actions, newest first. */
  activity: { action: string; createdAt: Date; by: 'you' | 'staff' | 'system'; staffName: string | null; format: string | null }[];
}

export async function myData(link: CandidateLink): Promise<MyData | null> {
  const candidateId = await authorizeCandidate(link);
  const prisma = db();
  const candidate = await prisma.candidate.findUnique({
    where: { id: candidateId },
    select: {
      ...candidateColumns,
      submissions: submissionHistory,
      consents: consentHistory({ sha256: true, text: true }),
      withdrawals: { orderBy: { createdAt: 'desc' }, select: { purposes: true, source: true, createdAt: true } },
      mails: { orderBy: { createdAt: 'desc' }, select: { template: true, status: true, createdAt: true, sentAt: true } },
    },
  });
  if (!candidate) return null;
  const events = await prisma.$queryRaw<{ action: string; created_at: Date; actor_id: string | null; staff_name: string | null; format: string | null }[]>(
    Prisma.sql`
      SELECT e.action, e.created_at, e.actor_id, s.name AS staff_name, e.details->>'format' AS format
        FROM audit_events e LEFT JOIN staff_users s ON s.id = e.actor_id
       WHERE e.details @> ${JSON.stringify({ candidateId })}::jsonb OR e.details @> ${JSON.stringify({ candidateIds: [candidateId] })}::jsonb
       ORDER BY e.created_at DESC, e.id DESC
       LIMIT 500`,
  );
  const sharings = await prisma.$queryRaw<CandidateSharing[]>(sharingsSql(candidateId));
  const { submissions, consents, withdrawals, mails, ...details } = candidate;
  return {
    candidate: { ...details, status: details.status as CandidateStatus },
    submissions,
    consents,
    withdrawals,
    mails: mails.map((m) => ({ ...m, status: String(m.status) })),
    opportunities: await myOpportunities(link),
    // Who in the agency shared it is not theirs to know; the organization and the purpose are (art. 8(c)).
    sharings: sharings.map((s) => ({ createdAt: s.createdAt, organization: s.organization, country: s.country, receivesAs: s.receivesAs, purpose: s.purpose, format: s.format })),
    activity: events.map((e) => ({
      action: e.action,
      createdAt: e.created_at,
      by: e.actor_id ? 'staff' : e.action.startsWith('candidate.') ? 'you' : 'system',
      staffName: e.staff_name,
      format: e.format,
    })),
  };
}
