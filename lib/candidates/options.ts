// The closed lists a candidate chooses from. Shared by the sign-up form, its schema, the staff filters and
// the exports; their labels live in messages under `Options`.
export { programSlugs as programOptions, type ProgramSlug } from '../programs/slugs';

/** CEFR self-assessment levels. */
export const englishLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type EnglishLevel = (typeof englishLevels)[number];

/** The sectors that need bilingual talent in the region. */
export const interestOptions = ['contact-center', 'software-development', 'technology'] as const;
export type Interest = (typeof interestOptions)[number];
