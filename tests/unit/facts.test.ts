import { describe, expect, it } from 'vitest';
import { agency } from '@/lib/site';
import { figureSchema, isPastProjection, regionalFigures, reviewYear, sources, sourceIds } from '@/lib/facts';
import { parsePrograms, programFigures, programs, type ProgramInput } from '@/lib/programs/data';
import en from '@/messages/en.json';
import es from '@/messages/es.json';

/** Every figure the site shows: the regional ones and each program's. */
const allFigures = [
  ...Object.entries(regionalFigures).map(([id, figure]) => ({ id, figure })),
  ...programs.flatMap((p) => programFigures(p).map(({ id, figure }) => ({ id: `${p.slug}.${id}`, figure }))),
];

/** Every address the site links to outside itself. */
const outboundLinks = [
  ...programs.map((p) => p.link.url),
  ...Object.values(sources).flatMap((s) => (s.url ? [s.url] : [])),
  agency.website,
  ...agency.socialLinks,
];

describe('figures', () => {
  it('every figure has a year and a source the site can name, in both languages', () => {
    expect(allFigures.length).toBeGreaterThan(10);
    for (const { id, figure } of allFigures) {
      expect(Number.isInteger(figure.year) && figure.year >= 2000, id).toBe(true);
      expect(sourceIds, id).toContain(figure.source);
      expect(en.Facts.sources[figure.source], id).toBeTruthy();
      expect(es.Facts.sources[figure.source], id).toBeTruthy();
    }
  });

  it('a figure without a year or a source is refused', () => {
    const figure = { value: 8000, year: 2023, kind: 'forecast', source: 'ip-training-initiatives' };
    expect(figureSchema.safeParse(figure).success).toBe(true);
    const { year: _year, ...withoutYear } = figure;
    const { source: _source, ...withoutSource } = figure;
    expect(figureSchema.safeParse(withoutYear).success).toBe(false);
    expect(figureSchema.safeParse(withoutSource).success).toBe(false);
    expect(figureSchema.safeParse({ ...figure, source: 'according to Invest Pacific' }).success).toBe(false);
  });

  it('every source a figure quotes second-hand names the one that quotes it, and every source has a year', () => {
    for (const [id, source] of Object.entries(sources)) {
      expect(source.published, id).toBeGreaterThanOrEqual(2000);
      expect(source.url ?? (source.citedIn && sources[source.citedIn].url), id).toBeTruthy();
    }
  });

  it('projections whose year has passed are told as history', () => {
    expect(reviewYear).toBeGreaterThanOrEqual(2026);
    expect(isPastProjection(regionalFigures.jobsForecast)).toBe(true);
    expect(isPastProjection({ kind: 'measured', year: 2021 })).toBe(false);
    expect(isPastProjection({ kind: 'target', year: reviewYear + 1 })).toBe(false);
    const past = allFigures.filter(({ figure }) => isPastProjection(figure)).map(({ id }) => id);
    expect(past).toEqual(['jobsForecast', 'hello-valle.beneficiaries', 'english-for-contact-centers.edition-2022']);
  });
});

describe('outbound links', () => {
  it('every address outside the site is https', () => {
    expect(outboundLinks.length).toBeGreaterThanOrEqual(programs.length);
    for (const link of outboundLinks) expect(new URL(link).protocol, link).toBe('https:');
  });

  it('a program link or a source over plain http is refused', () => {
    const source = programs.map((p) => structuredClone(p)) as ProgramInput[];
    expect(() => parsePrograms(source)).not.toThrow();
    source[0]!.link.url = 'http://investpacific.org/en/training-initiatives/';
    expect(() => parsePrograms(source)).toThrow(/https/);
  });
});
