import type { ProgramSlug } from './programs/slugs';

/**
 * The kinds of organization the agency's texts invite to take part, each with the program it can
 * most directly take part in. Their words live in messages under `Join.audiences`.
 */
export const joinAudiences = [
  { key: 'companies', program: 'bilingualism-ambassadors' },
  { key: 'schools', program: 'bilingualism-ambassadors' },
  { key: 'universities', program: 'english-for-contact-centers' },
  { key: 'trade-associations', program: 'mesa-de-bilinguismo' },
  { key: 'ngos', program: 'bilingualism-ambassadors' },
  { key: 'local-governments', program: 'cali-open-to-work' },
] as const satisfies readonly { key: string; program: ProgramSlug }[];

export type JoinAudience = (typeof joinAudiences)[number]['key'];
