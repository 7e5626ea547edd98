// The program URLs are a contract (/{locale}/programs/{slug}); this list is the single source of them.
export const programSlugs = [
  'hello-valle',
  'english-for-contact-centers',
  'bilingualism-ambassadors',
  'cali-open-to-work',
  'mesa-de-bilinguismo',
] as const;

export type ProgramSlug = (typeof programSlugs)[number];

export function isProgramSlug(value: string): value is ProgramSlug {
  return (programSlugs as readonly string[]).includes(value);
}
