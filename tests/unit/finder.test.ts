import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  answerSegment,
  answerSegments,
  finderRewriteTarget,
  parseAnswerSegment,
  parseFinderQuery,
} from '@/lib/finder/answers';
import { recommend, suggestedPrograms } from '@/lib/finder/recommend';
import { isRevalidatedPage } from '@/lib/public-pages';

const query = (q: string) => new URLSearchParams(q);
const slugs = (answer: Parameters<typeof recommend>[0]) =>
  recommend(answer).suggestions.map((s) => (s.kind === 'program' ? s.slug : 'sign-up'));

describe('the finder form', () => {
  it('reads a complete answer from the query, with the age as its band', () => {
    expect(parseFinderQuery(query('level=A2&age=25&goal=job&pay=any'))).toEqual({ goal: 'job', level: 'A2', age: '18to45', pay: 'any' });
    expect(parseFinderQuery(query('level=unsure&age=17&goal=english&pay=free'))).toMatchObject({ age: 'under18' });
    expect(parseFinderQuery(query('level=C1&age=46&goal=job&pay=later'))).toMatchObject({ age: 'over45' });
    expect([17, 18, 45, 46].map(ageBandOf)).toEqual(['under18', '18to45', '18to45', 'over45']);
  });

  it('needs nothing but the goal from an organization', () => {
    expect(parseFinderQuery(query('level=&age=&goal=organization&pay=any'))).toEqual({ goal: 'organization' });
  });

  it('refuses a missing or malformed answer, so the form comes back', () => {
    for (const q of ['level=A2&goal=job&pay=any', 'level=A2&age=&goal=job', 'level=Z1&age=25&goal=job', 'level=A2&age=2x&goal=job', 'level=A2&age=250&goal=job', 'level=A2&age=25&goal=fame', 'level=A2&age=25&goal=job&pay=cheap']) {
      expect(parseFinderQuery(query(q)), q).toBeNull();
    }
  });

  it('has one prerendered page per possible answer, and a query leads to its page', () => {
    expect(answerSegments).toHaveLength(1 + 7 * 3 * 2 * 3);
    expect(new Set(answerSegments).size).toBe(answerSegments.length);
    for (const segment of answerSegments) expect(answerSegment(parseAnswerSegment(segment)!)).toBe(segment);
    expect(parseAnswerSegment('A2-18to45-job')).toBeNull();
    expect(finderRewriteTarget('es', '/for-you', query('level=A2&age=25&goal=job&pay=any'))).toBe('/es/for-you/A2-18to45-job-any');
    expect(finderRewriteTarget('en', '/for-you', query('goal=organization'))).toBe('/en/for-you/organization');
    expect(finderRewriteTarget('es', '/for-you', query('level=A2'))).toBeNull();
    expect(finderRewriteTarget('es', '/programs', query('level=A2&age=25&goal=job'))).toBeNull();
  });
});

describe('the programs the finder suggests', () => {
  it('A2, 25 years old, looking for a job: Hello Valle! and Cali Open to Work, and when English for Contact Centers opens up', () => {
    const answer = { goal: 'job', level: 'A2', age: '18to45', pay: 'any' } as const;
    expect(slugs(answer)).toEqual(['hello-valle', 'cali-open-to-work']);
    expect(recommend(answer).notes).toEqual(['contact-centers-from-b1']);
  });

  it('B1 looking for a job: English for Contact Centers too, but not when only free or pay-later training will do', () => {
    expect(slugs({ goal: 'job', level: 'B1', age: '18to45', pay: 'any' })).toEqual(['hello-valle', 'english-for-contact-centers', 'cali-open-to-work']);
    expect(slugs({ goal: 'job', level: 'B1', age: '18to45', pay: 'free' })).toEqual(['cali-open-to-work']);
    expect(slugs({ goal: 'job', level: 'B1', age: '18to45', pay: 'later' })).toEqual(['hello-valle']);
  });

  it('keeps Hello Valle! to its ages and to people not yet at the level contact centers ask', () => {
    expect(slugs({ goal: 'job', level: 'A1', age: 'over45', pay: 'any' })).toEqual(['cali-open-to-work']);
    expect(slugs({ goal: 'job', level: 'B2', age: '18to45', pay: 'any' })).toEqual(['sign-up', 'cali-open-to-work']);
    expect(slugs({ goal: 'english', level: 'A2', age: '18to45', pay: 'any' })).toEqual(['cali-open-to-work']);
  });

  it('sends a student under 18 to their school, and an organization to the initiatives', () => {
    const young = recommend({ goal: 'job', level: 'A2', age: 'under18', pay: 'any' });
    expect(young.suggestions.map((s) => (s.kind === 'program' ? s.slug : s.kind))).toEqual(['cali-open-to-work', 'bilingualism-ambassadors']);
    expect(young.notes).toContain('under18');
    expect(slugs({ goal: 'organization' })).toEqual(['bilingualism-ambassadors', 'mesa-de-bilinguismo']);
  });

  it('says so when nothing fits', () => {
    const none = recommend({ goal: 'english', level: 'C2', age: 'over45', pay: 'later' });
    expect(none.suggestions).toEqual([]);
    expect(none.notes).toContain('nothing-fits');
  });
});

describe('the open cohorts in an answer', () => {
  it('are looked up for the suggested programs only, in the order they are suggested (not for the sign-up)', () => {
    expect(suggestedPrograms(recommend({ goal: 'job', level: 'B2', age: '18to45', pay: 'any' }).suggestions)).toEqual(['cali-open-to-work']);
    expect(suggestedPrograms(recommend({ goal: 'organization' }).suggestions)).toEqual(['bilingualism-ambassadors', 'mesa-de-bilinguismo']);
    expect(suggestedPrograms(recommend({ goal: 'english', level: 'C2', age: 'over45', pay: 'later' }).suggestions)).toEqual([]);
  });

  it('make the answer pages ones Next makes again while running, so the proxy takes their CSP from the HTML kept now', () => {
    for (const segment of ['organization', 'A2-18to45-job-any']) expect(isRevalidatedPage(`/for-you/${segment}`), segment).toBe(true);
    // The questions alone show no cohort: the build's hashes hold.
    expect(isRevalidatedPage('/for-you')).toBe(false);
  });
});
