// "Which program is for you?": the home page's four questions, asked by a plain GET form so it works without
// JavaScript. Every possible answer has a prerendered page (/{locale}/for-you/{segment}); proxy.ts rewrites the
// form's address (/{locale}/for-you?level=…&age=…&goal=…&pay=…) to it, so the answer stays static HTML.
import { englishLevels, type EnglishLevel } from '@/lib/candidates/options';
import { programBySlug } from '@/lib/programs/data';

/** The CEFR levels, and "I don't know". */
export const finderLevels = [...englishLevels, 'unsure'] as const;
export type FinderLevel = (typeof finderLevels)[number];

/**
 * Ages in the bands the programs draw: Hello Valle! takes people from 18 to 45, and the sign-up (and every
 * program for adults) starts at 18.
 */
const helloValleAges = programBySlug('hello-valle').audience.ages!;
export const ageBands = ['under18', '18to45', 'over45'] as const;
export type AgeBand = (typeof ageBands)[number];
export const minimumAge = 12;
export const maximumAge = 99;

export const finderGoals = ['job', 'english', 'organization'] as const;
export type FinderGoal = (typeof finderGoals)[number];

export const payOptions = ['any', 'free', 'later'] as const;
export type PayOption = (typeof payOptions)[number];

export type FinderAnswer =
  | { goal: 'organization' }
  | { goal: 'job' | 'english'; level: FinderLevel; age: AgeBand; pay: PayOption };

/** The form's field names, which are also the query parameters. */
export const finderFields = { level: 'level', age: 'age', goal: 'goal', pay: 'pay' } as const;

export function ageBandOf(age: number): AgeBand {
  if (age < helloValleAges.min) return 'under18';
  return age <= helloValleAges.max ? '18to45' : 'over45';
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The answer the form's query describes, or null when one is missing or malformed. An organization needs no
 * level, age or way to pay: those fields are ignored for it.
 */
export function parseFinderQuery(params: URLSearchParams): FinderAnswer | null {
  const goal = oneOf(finderGoals, params.get(finderFields.goal));
  if (goal === 'organization') return { goal };
  const level = oneOf(finderLevels, params.get(finderFields.level));
  const pay = oneOf(payOptions, params.get(finderFields.pay) ?? 'any');
  const rawAge = params.get(finderFields.age)?.trim() ?? '';
  const age = /^\d{1,3}$/.test(rawAge) ? Number(rawAge) : NaN;
  if (!goal || !level || !pay || !(age >= minimumAge && age <= maximumAge)) return null;
  return { goal, level, age: ageBandOf(age), pay };
}

/** The answer page's path segment: `organization`, or `{level}-{age}-{goal}-{pay}` (e.g. `A2-18to45-job-any`). */
export function answerSegment(answer: FinderAnswer): string {
  if (answer.goal === 'organization') return 'organization';
  return [answer.level, answer.age, answer.goal, answer.pay].join('-');
}

export function parseAnswerSegment(segment: string): FinderAnswer | null {
  if (segment === 'organization') return { goal: 'organization' };
  const [level, age, goal, pay, ...rest] = segment.split('-');
  const parsed = {
    level: oneOf(finderLevels, level ?? null),
    age: oneOf(ageBands, age ?? null),
    goal: oneOf(['job', 'english'] as const, goal ?? null),
    pay: oneOf(payOptions, pay ?? null),
  };
  if (rest.length > 0 || !parsed.level || !parsed.age || !parsed.goal || !parsed.pay) return null;
  return parsed as FinderAnswer;
}

/** Every answer there is, as path segments: one prerendered page each. */
export const answerSegments: readonly string[] = [
  'organization',
  ...finderLevels.flatMap((level) =>
    ageBands.flatMap((age) =>
      (['job', 'english'] as const).flatMap((goal) => payOptions.map((pay) => answerSegment({ goal, level, age, pay }))),
    ),
  ),
];

export function isEnglishLevel(level: FinderLevel): level is EnglishLevel {
  return level !== 'unsure';
}

/** Where the finder's form posts (GET). */
export const finderPath = '/for-you';

/**
 * The prerendered answer page for a request to the finder's address, or null to serve that address itself (the
 * form again, asking for every answer). Called by proxy.ts; `rest` is the path after the locale.
 */
export function finderRewriteTarget(locale: string, rest: string, params: URLSearchParams): string | null {
  if (rest !== finderPath) return null;
  const answer = parseFinderQuery(params);
  return answer ? `/${locale}${finderPath}/${answerSegment(answer)}` : null;
}
