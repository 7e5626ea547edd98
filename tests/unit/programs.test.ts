import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import { parsePrograms, programActionHref, programBySlug, programs, type ProgramInput } from '@/lib/programs/data';
import { missingMessageKeys, requiredProgramMessageKeys } from '@/lib/programs/messages';
import { programSlugs } from '@/lib/programs/slugs';

const languages = { en, es };

function withoutKey(tree: object, key: string): Record<string, unknown> {
  const copy = structuredClone(tree) as Record<string, unknown>;
  const parts = key.split('.');
  let node = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  delete node[parts.at(-1)!];
  return copy;
}

describe('program data', () => {
  it('lists the five programs once each, in the order of their slugs', () => {
    expect(programs.map((p) => p.slug)).toEqual([...programSlugs]);
  });

  it("states the agency's figures with their year", () => {
    const hello = programBySlug('hello-valle');
    expect(hello.audience.ages).toEqual({ min: 18, max: 45 });
    expect(hello.audience.residence).toBe('valle-del-cauca');
    expect(hello.offer.cost).toBe('study-now-pay-later');
    expect(hello.offer.beneficiaries).toEqual({ people: 600, by: 2022 });

    const contactCenters = programBySlug('english-for-contact-centers');
    expect(contactCenters.offer.durationMonths).toBe(3);
    expect(contactCenters.offer.levels).toEqual({ from: 'B1', to: 'B2' });
    expect(contactCenters.editions).toEqual([
      { year: 2021, first: true, status: 'held', people: 26 },
      { year: 2022, first: false, status: 'expected', people: 40, groups: 2 },
    ]);

    expect(programBySlug('bilingualism-ambassadors').components).toEqual([
      'ambassador-schools',
      'data-platform',
      'academic-cultural-agenda',
    ]);
    expect(programBySlug('cali-open-to-work').offer.cost).toBe('free');
    const mesa = programBySlug('mesa-de-bilinguismo');
    expect([mesa.since, mesa.coordinator]).toEqual([2013, 'cali-chamber-of-commerce']);
  });

  it('rejects a table with a missing program, a bad level range or an unknown field value', () => {
    const source = programs.map((p) => structuredClone(p)) as ProgramInput[];
    expect(() => parsePrograms(source)).not.toThrow();
    expect(() => parsePrograms(source.slice(1))).toThrow(/hello-valle/);
    const downhill = structuredClone(source);
    downhill[1]!.offer.levels = { from: 'B2', to: 'B1' };
    expect(() => parsePrograms(downhill)).toThrow(/levels must go up/);
    const unknownCost = structuredClone(source) as unknown as { offer: { cost: string } }[];
    unknownCost[0]!.offer.cost = 'cheap';
    expect(() => parsePrograms(unknownCost as unknown as ProgramInput[])).toThrow();
  });

  it("sends Hello Valle!'s sign-up to the talent form with the program preselected, organizations to /join", () => {
    expect(programActionHref(programBySlug('hello-valle'), 'en')).toBe('/en/talent?program=hello-valle');
    expect(programActionHref(programBySlug('mesa-de-bilinguismo'), 'es')).toBe('/es/join');
  });
});

describe('program messages', () => {
  for (const [language, messages] of Object.entries(languages)) {
    it(`every program has every message its page reads in ${language}`, () => {
      const missing = programs.flatMap((p) => missingMessageKeys(messages, requiredProgramMessageKeys(p)));
      expect(missing).toEqual([]);
    });
  }

  it('the required keys follow the data: components, editions and cost only where a program has them', () => {
    const ambassadors = requiredProgramMessageKeys(programBySlug('bilingualism-ambassadors'));
    expect(ambassadors).toContain('Programs.component.data-platform.description');
    expect(ambassadors).toContain('Programs.testSource.saber-11');
    const hello = requiredProgramMessageKeys(programBySlug('hello-valle'));
    expect(hello).toContain('Programs.cost.study-now-pay-later');
    expect(hello).not.toContain('Programs.detail.editions');
    expect(requiredProgramMessageKeys(programBySlug('english-for-contact-centers'))).toContain(
      'Programs.detail.editionExpected',
    );
  });

  it('notices a field missing or empty in one language', () => {
    const key = 'Programs.items.cali-open-to-work.action.text';
    const trimmed = withoutKey(es, key);
    expect(programs.flatMap((p) => missingMessageKeys(trimmed, requiredProgramMessageKeys(p)))).toEqual([key]);

    const emptied = structuredClone(en);
    emptied.Programs.component['ambassador-schools'].title = '  ';
    expect(missingMessageKeys(emptied, requiredProgramMessageKeys(programBySlug('bilingualism-ambassadors')))).toEqual([
      'Programs.component.ambassador-schools.title',
    ]);
  });
});
