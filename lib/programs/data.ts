// The five training programs as the agency's texts describe them (shared/seeds/training-initiatives.txt).
// Only facts stated there, each figure with the year the text gives it; the words live in messages
// (namespace `Programs`, names under `Options.program`). Parsed once at module load: a typo here fails the
// build and every test that imports it, not a visitor's page.
import { z } from 'zod';
import { englishLevels } from '@/lib/candidates/options';
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
export const sectors = ['companies', 'unions', 'schools', 'local-governments', 'government', 'ngos', 'academia'] as const;
/** What the page invites the reader to do. */
export const actions = ['sign-up', 'register-interest', 'join'] as const;

const year = z.int().min(2000).max(2100);
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
    action: z.enum(actions),
  })
  .refine((p) => p.leads.length > 0 || p.coordinator !== undefined || p.sectors.length > 0, {
    message: 'a program names who leads, coordinates or takes part in it',
  })
  .refine((p) => p.testSources.length === 0 || p.components.includes('data-platform'), {
    message: 'test sources belong to a data platform',
  });

export type Program = z.infer<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;

const source: ProgramInput[] = [
  {
    slug: 'hello-valle',
    leads: ['comfandi', 'comfenalco-valle', 'invest-pacific', 'propacifico'],
    partOf: 'compromiso-valle',
    audience: { ages: { min: 18, max: 45 }, residence: 'valle-del-cauca' },
    offer: {
      cost: 'study-now-pay-later',
      beneficiaries: { people: 600, by: 2022 },
      outcome: 'formal-job-in-bpo-contact-centers',
    },
    action: 'sign-up',
  },
  {
    slug: 'english-for-contact-centers',
    leads: ['javeriana-cali', 'propacifico', 'invest-pacific'],
    partOf: 'compromiso-valle',
    audience: { entryLevel: 'B1', groups: ['young-people', 'adults'] },
    offer: { durationMonths: 3, levels: { from: 'B1', to: 'B2' }, outcome: 'possible-job-in-bpo-in-cali' },
    editions: [
      { year: 2021, first: true, status: 'held', people: 26 },
      { year: 2022, status: 'expected', people: 40, groups: 2 },
    ],
    action: 'register-interest',
  },
  {
    slug: 'bilingualism-ambassadors',
    leads: [],
    audience: { groups: ['school-communities'] },
    offer: {},
    components: ['ambassador-schools', 'data-platform', 'academic-cultural-agenda'],
    testSources: ['saber-11', 'saber-tyt', 'saber-pro'],
    sectors: ['companies', 'unions', 'schools', 'local-governments', 'ngos', 'academia'],
    action: 'join',
  },
  {
    slug: 'cali-open-to-work',
    leads: ['cali-economic-development', 'comfenalco-valle'],
    audience: { residence: 'cali', groups: ['cali-residents-improving-english'] },
    offer: { cost: 'free' },
    action: 'register-interest',
  },
  {
    slug: 'mesa-de-bilinguismo',
    leads: [],
    coordinator: 'cali-chamber-of-commerce',
    since: 2013,
    nonProfit: true,
    audience: {},
    offer: {},
    sectors: ['academia', 'government', 'companies'],
    action: 'join',
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

/** Where a program's call to action leads, for a page in `locale`. */
export function programActionHref(program: Program, locale: string): string {
  switch (program.action) {
    case 'sign-up':
    case 'register-interest':
      return `/${locale}/talent?program=${program.slug}`;
    case 'join':
      return `/${locale}/join`;
  }
}
