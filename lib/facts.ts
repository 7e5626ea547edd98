// Every figure the site shows, with the year it refers to and where it comes from, checked with zod when the
// module loads (a figure without a year or a source fails the build and tests/unit/facts.test.ts). Taken from the
// agency's texts in shared/seeds/; the words live in messages (`Facts`).
//
// Years the texts do not print are dated by their publication, and said so on the page ("as published in …"):
// - The training-initiatives page reports the BPO sector's 2021 results and still expects 2022's groups, so it
//   was written in 2022.
// - The California delegation article is dated by what it reports: the trip to TechCrunch Disrupt "last month"
//   with Cali's secretary of economic development Jarrison Martínez, in office from 2024. The agency should confirm
//   it before launch (docs/content.md).
import { z } from 'zod';

/** When the words and figures were last checked against their sources; the pages print it. */
export const contentReviewedOn = '2026-12-01';
export const reviewYear = Number(contentReviewedOn.slice(0, 4));

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https URL' });
const year = z.int().min(2000).max(2100);

export const sourceIds = ['ip-training-initiatives', 'mincit', 'ip-california-delegation'] as const;
export type SourceId = (typeof sourceIds)[number];

const sourceSchema = z.object({
  /** The year the text was published (the page shows it when a figure's own year is that of publication). */
  published: year,
  /** Where a reader can check it; absent when the figure is quoted by another source that has one. */
  url: httpsUrl.optional(),
  /** The source that quotes this one, when the site has it second-hand. */
  citedIn: z.enum(sourceIds).optional(),
});

export const sources = z.record(z.enum(sourceIds), sourceSchema).parse({
  'ip-training-initiatives': { published: 2022, url: 'https://investpacific.org/en/training-initiatives/' },
  // The Ministry of Commerce, Industry and Tourism's figures, as the training-initiatives page quotes them.
  mincit: { published: 2022, citedIn: 'ip-training-initiatives' },
  'ip-california-delegation': {
    published: 2024,
    url: 'https://www.financecolombia.com/invest-pacific-and-procolombia-traveled-to-california-to-promote-tech-and-services-investment-in-southwest-colombia/',
  },
} satisfies Record<SourceId, z.input<typeof sourceSchema>>);

/**
 * measured: a result for `year`; forecast and target: what was expected for `year` when the source was written
 * (told as history once `year` is before the review year); published: a figure the source gives without a year
 * of its own, dated by its publication.
 */
export const figureKinds = ['measured', 'forecast', 'target', 'published'] as const;

export const figureSchema = z.object({
  value: z.number().positive(),
  year,
  kind: z.enum(figureKinds),
  source: z.enum(sourceIds),
  /** "More than": the source gives a floor. */
  atLeast: z.boolean().default(false),
});
export type Figure = z.infer<typeof figureSchema>;

/** Whether a forecast or target is for a year that has already gone by when the content was reviewed. */
export function isPastProjection(figure: Pick<Figure, 'kind' | 'year'>): boolean {
  return (figure.kind === 'forecast' || figure.kind === 'target') && figure.year < reviewYear;
}

const regionalSource = {
  /** Invest Pacific's estimate for bilingual BPO contact centers in Valle del Cauca. */
  jobsForecast: { value: 8000, year: 2023, kind: 'forecast', source: 'ip-training-initiatives' },
  /** Growth of Colombia's BPO sector over the previous year. */
  bpoGrowthPercent: { value: 17, year: 2021, kind: 'measured', source: 'mincit' },
  /** Its foreign sales that year. */
  bpoForeignSalesUsdMillions: { value: 353.4, year: 2021, kind: 'measured', source: 'mincit' },
  /** Colombia's place among Latin America's call-center markets. */
  callCenterMarketRank: { value: 3, year: 2022, kind: 'published', source: 'ip-training-initiatives' },
  /** US investment in southwestern Colombia, Invest Pacific's data; each a floor where the text says "more than". */
  usProjects: { value: 124, year: 2024, kind: 'published', source: 'ip-california-delegation' },
  usCompanies: { value: 77, year: 2024, kind: 'published', source: 'ip-california-delegation' },
  usInvestmentUsdMillions: { value: 700, year: 2024, kind: 'published', source: 'ip-california-delegation', atLeast: true },
  usJobs: { value: 9000, year: 2024, kind: 'published', source: 'ip-california-delegation', atLeast: true },
  /** Share of all the region's investment projects that are US projects ("more than one-fourth"). */
  usSharePercent: { value: 25, year: 2024, kind: 'published', source: 'ip-california-delegation', atLeast: true },
} as const satisfies Record<string, z.input<typeof figureSchema>>;

export type RegionalFigure = keyof typeof regionalSource;

export const regionalFigures = z.record(z.string(), figureSchema).parse(regionalSource) as Record<RegionalFigure, Figure>;

/** Employers the delegation article names, dated and sourced like the figures. */
export const employers = {
  source: 'ip-california-delegation' as SourceId,
  year: 2024,
  /** California-based, with operations already established in Cali. */
  california: ['TaskUs', 'Alorica'],
  /** Other tech and services companies with significant investments in the region. */
  others: ['Globant', 'TSO Mobile', 'Moove it', 'Foundever', 'Encora'],
} as const;
