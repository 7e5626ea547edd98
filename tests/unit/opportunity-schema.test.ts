import { describe, expect, it } from 'vitest';
import { emptyOpportunityValues, parseOpportunity, type OpportunityFormValues } from '@/lib/opportunities/schema';
import { opportunitiesRewriteTarget, parseFilterSegment, filterSegments, matchesFilter } from '@/lib/opportunities/filters';
import { newSlug, slugify, isOpportunitySlug } from '@/lib/opportunities/slug';

const cohort = (over: Partial<OpportunityFormValues> = {}): OpportunityFormValues => ({
  ...emptyOpportunityValues('cohort'),
  titleEs: 'Cohorte de marzo',
  titleEn: 'March cohort',
  descriptionEs: 'Clases de inglés.',
  descriptionEn: 'English classes.',
  program: 'hello-valle',
  startsOn: '2027-03-01',
  endsOn: '2027-08-31',
  mode: 'in_person',
  place: 'Cali',
  ...over,
});

describe('the opportunity form schema', () => {
  it('a draft may lack the other language; publishing needs both titles and descriptions', () => {
    const draft = cohort({ titleEn: '', descriptionEn: '' });
    expect(parseOpportunity(draft, 'draft').ok).toBe(true);
    const published = parseOpportunity(draft, 'publish');
    expect(published).toEqual({ ok: false, errors: { titleEn: 'required', descriptionEn: 'required' } });
  });

  it('a cohort to publish needs its program, start date, mode and (unless online) place', () => {
    expect(parseOpportunity(cohort({ program: '', startsOn: '', mode: '' }), 'publish')).toEqual({
      ok: false,
      errors: { program: 'required', startsOn: 'required', mode: 'required' },
    });
    expect(parseOpportunity(cohort({ mode: 'online', place: '' }), 'publish').ok).toBe(true);
    expect(parseOpportunity(cohort({ place: '' }), 'publish')).toEqual({ ok: false, errors: { place: 'required' } });
  });

  it('a job to publish needs an employer, a closing date, and a municipality or remote work', () => {
    const job = { ...cohort(), kind: 'job', program: '' };
    expect(parseOpportunity(job, 'publish')).toEqual({ ok: false, errors: { employerId: 'required', closesOn: 'required', municipalities: 'placeRequired' } });
    const complete = { ...job, employerId: '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70', closesOn: '2027-01-31', remote: true };
    const parsed = parseOpportunity(complete, 'publish');
    expect(parsed.ok && parsed.data).toMatchObject({ kind: 'job', program: null, startsOn: null, place: null, remote: true, closesOn: '2027-01-31' });
  });

  it('refuses a program link that is not https, impossible dates, reversed ranges and unknown choices', () => {
    const result = parseOpportunity(
      cohort({ enrolmentUrl: 'http://example.org', startsOn: '2027-02-30', minAge: '45', maxAge: '18', interests: ['fishing'], municipalities: ['99999'], minEnglishLevel: 'Z9' }),
      'draft',
    );
    expect(result).toEqual({
      ok: false,
      errors: { enrolmentUrl: 'url', startsOn: 'date', maxAge: 'ageOrder', interests: 'invalid', municipalities: 'invalid', minEnglishLevel: 'invalid' },
    });
    expect(parseOpportunity(cohort({ startsOn: '2027-09-01' }), 'draft')).toEqual({ ok: false, errors: { endsOn: 'endsBeforeStart' } });
    expect(parseOpportunity({ ...cohort(), kind: 'job', salaryMin: '3.000.000', salaryMax: '2000000' }, 'draft')).toEqual({ ok: false, errors: { salaryMax: 'salaryOrder' } });
    expect(parseOpportunity(cohort({ enrolmentUrl: 'https://user:pw@example.org/' }), 'draft')).toMatchObject({ ok: false });
  });

  it('keeps only the fields of its kind and trims what was typed', () => {
    const parsed = parseOpportunity({ ...cohort({ titleEs: '  Cohorte   de marzo ', employerId: '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70' }), seats: '25' }, 'publish');
    expect(parsed.ok && parsed.data).toMatchObject({ titleEs: 'Cohorte de marzo', employerId: null, seats: 25, program: 'hello-valle' });
  });
});

describe('the public list filters', () => {
  it('the GET form address is served from the prerendered page of its filter; unknown values mean all', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(opportunitiesRewriteTarget('es', '/opportunities', q('kind=job&interest=technology'))).toBe('/es/opportunities/filter/job-technology');
    expect(opportunitiesRewriteTarget('en', '/opportunities', q('kind=all&interest=contact-center'))).toBe('/en/opportunities/filter/all-contact-center');
    expect(opportunitiesRewriteTarget('en', '/opportunities', q('kind=all&interest=all'))).toBeNull();
    expect(opportunitiesRewriteTarget('en', '/opportunities', q('kind=<script>'))).toBeNull();
    expect(opportunitiesRewriteTarget('en', '/opportunities', q(''))).toBeNull();
    expect(opportunitiesRewriteTarget('en', '/programs', q('kind=job'))).toBeNull();
    for (const segment of filterSegments) expect(parseFilterSegment(segment)).not.toBeNull();
    expect(filterSegments).toHaveLength(11);
  });

  it('an opportunity for no particular interest shows under every interest', () => {
    expect(matchesFilter({ kind: 'job', interests: [] }, { kind: 'job', interest: 'technology' })).toBe(true);
    expect(matchesFilter({ kind: 'job', interests: ['contact-center'] }, { kind: 'all', interest: 'technology' })).toBe(false);
    expect(matchesFilter({ kind: 'cohort', interests: [] }, { kind: 'job', interest: 'all' })).toBe(false);
  });
});

describe('opportunity addresses', () => {
  it('are made of the Spanish title without accents and a random suffix', () => {
    expect(slugify('¡Agente Bilingüe — Cali/Yumbo!')).toBe('agente-bilingue-cali-yumbo');
    const slug = newSlug('Agente bilingüe');
    expect(slug).toMatch(/^agente-bilingue-[a-z0-9]{6}$/);
    expect(isOpportunitySlug(slug)).toBe(true);
    expect(newSlug('¡¡!!')).toMatch(/^opportunity-[a-z0-9]{6}$/);
    expect(isOpportunitySlug('../etc')).toBe(false);
  });
});
