import 'server-only';
import { dbDateToDay, withdrawalDay, type Day } from './deadlines';
import type { RequestStatus, RequestSubject } from './schema';

// Where a request stands, told the same way to staff (the register, ./register.ts) and to the candidate (My data,
// ./candidate.ts): its due date in force and, for a reclamo waiting for what it lacks, from when it counts as
// withdrawn. Columns and computations only: each side authorizes its reader before it reads with them.

export interface RequestStanding {
  reference: number;
  kind: 'consulta' | 'reclamo';
  subject: RequestSubject;
  channel: string;
  status: RequestStatus;
  selfService: boolean;
  receivedAt: Date;
  /** The due date in force (the extended one once extended). */
  due: Day;
  closedAt: Date | null;
}

export const standingColumns = {
  reference: true,
  kind: true,
  subject: true,
  channel: true,
  status: true,
  selfService: true,
  receivedAt: true,
  dueOn: true,
  extendedDueOn: true,
  closedAt: true,
} as const;

type StandingRow = Omit<RequestStanding, 'due'> & { dueOn: Date; extendedDueOn: Date | null };

export function standingOf(r: StandingRow): RequestStanding {
  return {
    reference: r.reference,
    kind: r.kind,
    subject: r.subject,
    channel: r.channel,
    status: r.status,
    selfService: r.selfService,
    receivedAt: r.receivedAt,
    due: dbDateToDay(r.extendedDueOn ?? r.dueOn),
    closedAt: r.closedAt,
  };
}

/** While a reclamo awaits what it lacks: the first day it counts as withdrawn; otherwise null. */
export function withdrawnFrom(r: { status: RequestStatus; infoRequestedAt: Date | null }): Day | null {
  return r.status === 'awaiting_info' && r.infoRequestedAt ? withdrawalDay(r.infoRequestedAt) : null;
}
