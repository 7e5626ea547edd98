import 'server-only';
import type { OpportunityKind, OpportunityState } from './schema';

// What names an opportunity on the staff pages (their list of opportunities, the header of an opportunity's pages):
// which one, its kind and state, its titles, program and employer. Not personal data.

export interface OpportunityHeading {
  id: string;
  slug: string;
  kind: OpportunityKind;
  state: OpportunityState;
  titleEs: string;
  titleEn: string;
  program: string | null;
  employerName: string | null;
}

/** The columns of an `OpportunityHeading`, made one by `withEmployerName`. */
export const headingColumns = {
  id: true,
  slug: true,
  kind: true,
  state: true,
  titleEs: true,
  titleEn: true,
  program: true,
  employer: { select: { name: true } },
} as const;

/** A row read with `headingColumns` (and others), its employer named (none for a cohort without one). */
export function withEmployerName<R extends { employer: { name: string } | null }>({ employer, ...rest }: R): Omit<R, 'employer'> & { employerName: string | null } {
  return { ...rest, employerName: employer?.name ?? null };
}
