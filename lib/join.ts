import type { ProgramSlug } from './programs/slugs';

/**
 * The kinds of organization the agency's texts invite into the ecosystem, each with the program it can
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

/** A mailto link to the agency with a subject and a short outline of what to tell it. */
export function mailtoHref(email: string, subject: string, body: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
