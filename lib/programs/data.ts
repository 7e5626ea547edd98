// The five training programs as the agency's texts describe them (shared/seeds/training-initiatives.txt).
// Only facts stated there, each figure with the year the text gives it; the words live in messages
// (namespace `Programs`, names under `Options.program`). Parsed once at module load: a typo here fails the
// build and every test that imports it, not a visitor's page.
import { z } from 'zod';
import { englishLevels } from '@/lib/candidates/options';
import { sourceIds, type Figure } from '@/lib/facts';
import { programSlugs, type ProgramSlug } from './slugs';

export const organizations = [
  'comfandi',
  'comfenalco-valle',
  'invest-pacific',
  'propacifico',
  'javeriana-cali',
  'cali-economic-development',
  'cali-chamber-of-commerce',
] as const;
export type Organization = (typeof organizations)[number];

/** Who a program is for, beyond age and residence. */
export const audienceGroups = ['young-people', 'adults', 'school-communities', 'cali-residents-improving-english'] as const;
/** Where participants must live. */
export const residences = ['valle-del-cauca', 'cali'] as const;
/** How participants pay. */
export const costModels = ['study-now-pay-later', 'free'] as const;
/** What a program leads to beyond the classroom. */
export const outcomes = ['formal-job-in-bpo-contact-centers', 'possible-job-in-bpo-in-cali'] as const;
export const components = ['ambassador-schools', 'data-platform', 'academic-cultural-agenda'] as const;
/** National test results the Ambassadors' data platform is built on. */
export const testSources = ['saber-11', 'saber-tyt', 'saber-pro'] as const;
/** Sectors a program brings together or calls to action. */
export const sectors = ['companies', 'trade-associations', 'schools', 'local-governments', 'government', 'ngos', 'academia'] as const;
/** Who can take part: a person joins a program; an initiative is joined by schools, companies and other bodies. */
export const audienceKinds = ['people', 'organizations'] as const;
/** What a person wants from a program (the finder's question; organizations have their own answer). */
export const personGoals = ['job', 'english'] as const;
export type PersonGoal = (typeof personGoals)[number];

const year = z.int().min(2000).max(2100);
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const level = z.enum(englishLevels);

const editionSchema = z.object({
  year,
  /** The first edition is named as such in the texts. */
  first: z.boolean().default(false),
  status: z.enum(['held', 'expected']),
  people: z.int().positive(),
  groups: z.int().positive().optional(),
}).refine((e) => e.status !== 'expected' || e.groups !== undefined, 'an expected edition states its groups');

const programSchema = z
  .object({
    slug: z.enum(programSlugs),
    for: z.enum(audienceKinds),
    /** What a person can get from it; only programs for people have goals. */
    goals: z.array(z.enum(personGoals)).default([]),
    /** The text the facts come from (lib/facts.ts `sources`). */
    source: z.enum(sourceIds),
    /** The program's own page for enrolment or information, on its publisher's site. */
    link: z.object({ url: httpsUrl, publisher: z.enum(organizations), lang: z.enum(['es', 'en']) }),
    leads: z.array(z.enum(organizations)),
    coordinator: z.enum(organizations).optional(),
    /** The regional commitment a program belongs to. */
    partOf: z.literal('compromiso-valle').optional(),
    since: year.optional(),
    nonProfit: z.boolean().default(false),
    audience: z.object({
      ages: z
        .object({ min: z.int().positive(), max: z.int().positive() })
        .refine((a) => a.min <= a.max, 'ages.min must not exceed ages.max')
        .optional(),
      residence: z.enum(residences).optional(),
      entryLevel: level.optional(),
      groups: z.array(z.enum(audienceGroups)).default([]),
    }),
    offer: z.object({
      cost: z.enum(costModels).optional(),
      durationMonths: z.int().positive().optional(),
      levels: z
        .object({ from: level, to: level })
        .refine((l) => englishLevels.indexOf(l.from) < englishLevels.indexOf(l.to), 'levels must go up')
        .optional(),
      beneficiaries: z.object({ people: z.int().positive(), by: year }).optional(),
      outcome: z.enum(outcomes).optional(),
    }),
    editions: z.array(editionSchema).default([]),
    components: z.array(z.enum(components)).default([]),
    testSources: z.array(z.enum(testSources)).default([]),
    sectors: z.array(z.enum(sectors)).default([]),
  })
  .refine((p) => p.leads.length > 0 || p.coordinator !== undefined || p.sectors.length > 0, {
    message: 'a program names who leads, coordinates or takes part in it',
  })
  .refine((p) => p.testSources.length === 0 || p.components.includes('data-platform'), {
    message: 'test sources belong to a data platform',
  })
  .refine((p) => (p.for === 'people') === (p.goals.length > 0), {
    message: 'programs for people state their goals, initiatives for organizations none',
  });

export type Program = z.infer<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;

const source: ProgramInput[] = [
  {
    slug: 'hello-valle',
    for: 'people',
    goals: ['job'],
    source: 'ip-training-initiatives',
    // The agency's page where the program's sign-up link was published.
    link: { url: 'https://investpacific.org/en/training-initiatives/', publisher: 'invest-pacific', lang: 'en' },
    leads: ['comfandi', 'comfenalco-valle', 'invest-pacific', 'propacifico'],
    partOf: 'compromiso-valle',
    audience: { ages: { min: 18, max: 45 }, residence: 'valle-del-cauca' },
    offer: {
      cost: 'study-now-pay-later',
      beneficiaries: { people: 600, by: 2022 },
      outcome: 'formal-job-in-bpo-contact-centers',
    },
  },
  {
    slug: 'english-for-contact-centers',
    for: 'people',
    goals: ['job'],
    source: 'ip-training-initiatives',
    link: { url: 'https://www.javerianacali.edu.co/', publisher: 'javeriana-cali', lang: 'es' },
    leads: ['javeriana-cali', 'propacifico', 'invest-pacific'],
    partOf: 'compromiso-valle',
    audience: { entryLevel: 'B1', groups: ['young-people', 'adults'] },
    offer: { durationMonths: 3, levels: { from: 'B1', to: 'B2' }, outcome: 'possible-job-in-bpo-in-cali' },
    editions: [
      { year: 2021, first: true, status: 'held', people: 26 },
      { year: 2022, status: 'expected', people: 40, groups: 2 },
    ],
  },
  {
    slug: 'bilingualism-ambassadors',
    for: 'organizations',
    source: 'ip-training-initiatives',
    link: { url: 'https://investpacific.org/en/training-initiatives/', publisher: 'invest-pacific', lang: 'en' },
    leads: [],
    audience: { groups: ['school-communities'] },
    offer: {},
    components: ['ambassador-schools', 'data-platform', 'academic-cultural-agenda'],
    testSources: ['saber-11', 'saber-tyt', 'saber-pro'],
    sectors: ['companies', 'trade-associations', 'schools', 'local-governments', 'ngos', 'academia'],
  },
  {
    slug: 'cali-open-to-work',
    for: 'people',
    goals: ['job', 'english'],
    source: 'ip-training-initiatives',
    link: { url: 'https://www.cali.gov.co/desarrolloeconomico/', publisher: 'cali-economic-development', lang: 'es' },
    leads: ['cali-economic-development', 'comfenalco-valle'],
    audience: { residence: 'cali', groups: ['cali-residents-improving-english'] },
    offer: { cost: 'free' },
  },
  {
    slug: 'mesa-de-bilinguismo',
    for: 'organizations',
    source: 'ip-training-initiatives',
    link: { url: 'https://www.ccc.org.co/', publisher: 'cali-chamber-of-commerce', lang: 'es' },
    leads: [],
    coordinator: 'cali-chamber-of-commerce',
    since: 2013,
    nonProfit: true,
    audience: {},
    offer: {},
    sectors: ['academia', 'government', 'companies'],
  },
];

/** Validates the table: every slug exactly once, in the order of `programSlugs`. */
export function parsePrograms(input: readonly ProgramInput[]): Program[] {
  const parsed = z.array(programSchema).parse(input);
  const slugs = parsed.map((p) => p.slug);
  if (slugs.join() !== programSlugs.join()) {
    throw new Error(`programs must list ${programSlugs.join(', ')} once each, in that order; got ${slugs.join(', ')}`);
  }
  return parsed;
}

export const programs: readonly Program[] = parsePrograms(source);

export function programBySlug(slug: ProgramSlug): Program {
  return programs.find((p) => p.slug === slug)!;
}

/** Where a program's call to action leads: news of it for a person, the organizations' page for an initiative. */
export function programActionHref(program: Program, locale: string): string {
  return program.for === 'people' ? `/${locale}/talent?program=${program.slug}` : `/${locale}/join`;
}

export const programsForPeople = programs.filter((p) => p.for === 'people');
export const initiativesForOrganizations = programs.filter((p) => p.for === 'organizations');

/**
 * A program's figures in the shape of lib/facts.ts, each with its year and source: its goal in people (a target
 * for a year) and each edition (held: a measured result; expected: a target). Pages tell a target whose year has
 * gone by as history (`isPastProjection`).
 */
export function programFigures(program: Program): { id: string; figure: Figure }[] {
  const { source } = program;
  const out: { id: string; figure: Figure }[] = [];
  const { beneficiaries } = program.offer;
  if (beneficiaries) {
    out.push({ id: 'beneficiaries', figure: { value: beneficiaries.people, year: beneficiaries.by, kind: 'target', source, atLeast: false } });
  }
  for (const edition of program.editions) {
    out.push({
      id: `edition-${edition.year}`,
      figure: { value: edition.people, year: edition.year, kind: edition.status === 'held' ? 'measured' : 'target', source, atLeast: false },
    });
  }
  if (program.since !== undefined) {
    out.push({ id: 'since', figure: { value: program.since, year: program.since, kind: 'measured', source, atLeast: false } });
  }
  return out;
}
