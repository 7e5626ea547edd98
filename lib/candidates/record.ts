import 'server-only';
import type { Prisma } from '@/lib/db/client';
import type { EnglishLevel } from './options';

// A candidate's record as both readers of it see it: staff (getCandidate in ./query.ts) and the candidate themself
// (myData in lib/my-data/data.ts). Only the columns and their types live here, never a query: each reader authorizes
// first (the verified staff viewer, the verified candidate link) and then reads with these selects, so the two
// cannot drift apart on what a record holds. The order of the columns is the order of the fields in the candidate's
// JSON download.

export type CandidateStatus = 'pending' | 'active' | 'revoked';

/** What a candidate answered: the candidate row holds the latest answers, each submission one set of them. */
export interface CandidateAnswers {
  email: string;
  fullName: string;
  phone: string;
  municipality: string;
  birthYear: number;
  englishLevel: EnglishLevel;
  interests: string[];
  programs: string[];
  locale: string;
}

const answerColumns = {
  email: true,
  fullName: true,
  phone: true,
  municipality: true,
  birthYear: true,
  englishLevel: true,
  interests: true,
  programs: true,
  locale: true,
} as const;

/** The candidate row: the latest answers and the state of their consent. */
export interface CandidateRecord extends CandidateAnswers {
  id: string;
  status: CandidateStatus;
  /** The purposes whose consent is in force now. */
  consentPurposes: string[];
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const candidateColumns = {
  id: true,
  ...answerColumns,
  status: true,
  consentPurposes: true,
  confirmedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** One form submission (the public form or an update from My data), exactly as sent. */
export interface SubmissionRecord extends CandidateAnswers {
  id: string;
  createdAt: Date;
  origin: string;
  pending: boolean;
  confirmedAt: Date | null;
}

/** Every submission, newest first. */
export const submissionHistory = {
  orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  select: { id: true, createdAt: true, origin: true, pending: true, confirmedAt: true, ...answerColumns },
} satisfies Prisma.Candidate$submissionsArgs;

/** One consent with its evidence (given, confirmed, revoked) and the notice accepted, as `Notice` reads it. */
export interface ConsentRecord<Notice> {
  id: string;
  submissionId: string;
  givenAt: Date;
  purposes: string[];
  policyVersion: string;
  locale: string;
  ipAddress: string | null;
  userAgent: string | null;
  confirmedAt: Date | null;
  confirmIpAddress: string | null;
  confirmUserAgent: string | null;
  revokedAt: Date | null;
  notice: Notice;
}

const consentEvidenceColumns = {
  id: true,
  submissionId: true,
  givenAt: true,
  purposes: true,
  policyVersion: true,
  locale: true,
  ipAddress: true,
  userAgent: true,
  confirmedAt: true,
  confirmIpAddress: true,
  confirmUserAgent: true,
  revokedAt: true,
} as const;

/** Every consent, newest first, with the columns `notice` names of the notice text accepted. */
export function consentHistory<const Notice extends Prisma.ConsentNoticeSelect>(notice: Notice) {
  return {
    orderBy: [{ givenAt: 'desc' }, { id: 'desc' }],
    select: { ...consentEvidenceColumns, notice: { select: notice } },
  } satisfies Prisma.Candidate$consentsArgs;
}
