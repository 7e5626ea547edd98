import { describe, expect, it } from 'vitest';
import { courseJsonLd, jobPostingJsonLd, serializeJsonLd } from '@/lib/opportunities/jsonld';
import type { PublicOpportunity } from '@/lib/opportunities/public';

const base: PublicOpportunity = {
  slug: 'agente-bilingue-cali-abc123',
  kind: 'job',
  state: 'published',
  title: { es: 'Agente bilingüe', en: 'Bilingual agent' },
  description: { es: 'Atiende clientes en inglés.', en: 'Serve customers in English.' },
  program: null,
  startsOn: null,
  endsOn: null,
  schedule: null,
  mode: null,
  place: null,
  costTerms: null,
  seats: null,
  howToEnrol: null,
  enrolmentUrl: null,
  employerName: 'Contact Co',
  employmentType: 'full_time',
  salaryMin: 2_500_000,
  salaryMax: 3_200_000,
  salaryCurrency: 'COP',
  closesOn: '2027-01-31',
  minEnglishLevel: 'B2',
  municipalities: ['76001', '76892'],
  remote: false,
  interests: ['contact-center'],
  minAge: null,
  maxAge: null,
  publishedAt: '2026-12-03T15:00:00.000Z',
  closedAt: null,
  updatedAt: '2026-12-03T15:00:00.000Z',
};
const url = 'https://example.org/en/opportunities/agente-bilingue-cali-abc123';

describe('JobPosting JSON-LD', () => {
  it('has every property Google requires (title, description, datePosted, hiringOrganization, jobLocation) and the recommended ones given', () => {
    const ld = jobPostingJsonLd(base, 'en', { url, employerName: 'Contact Co' });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Bilingual agent',
      description: 'Serve customers in English.',
      datePosted: '2026-12-03',
      validThrough: '2027-01-31T23:59:59-05:00',
      hiringOrganization: { '@type': 'Organization', name: 'Contact Co' },
      employmentType: 'FULL_TIME',
      baseSalary: { '@type': 'MonetaryAmount', currency: 'COP', value: { '@type': 'QuantitativeValue', minValue: 2_500_000, maxValue: 3_200_000, unitText: 'MONTH' } },
    });
    expect(ld.jobLocation).toEqual([
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Santiago de Cali', addressRegion: 'Valle del Cauca', addressCountry: 'CO' } },
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Yumbo', addressRegion: 'Valle del Cauca', addressCountry: 'CO' } },
    ]);
    expect(ld).not.toHaveProperty('jobLocationType');
  });

  it('a remote job says TELECOMMUTE and where applicants may live, and leaves out what was not given', () => {
    const ld = jobPostingJsonLd({ ...base, remote: true, municipalities: [], salaryMin: null, salaryMax: null, employmentType: null }, 'es', { url, employerName: 'Contact Co' });
    expect(ld).toMatchObject({ title: 'Agente bilingüe', jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'Colombia' } });
    expect(ld).not.toHaveProperty('jobLocation');
    expect(ld).not.toHaveProperty('baseSalary');
    expect(ld).not.toHaveProperty('employmentType');
  });

  it('a salary with only a minimum has minValue alone', () => {
    const ld = jobPostingJsonLd({ ...base, salaryMax: null }, 'en', { url, employerName: 'Contact Co' });
    expect((ld.baseSalary as { value: object }).value).toEqual({ '@type': 'QuantitativeValue', minValue: 2_500_000, unitText: 'MONTH' });
  });
});

describe('Course JSON-LD', () => {
  const cohort: PublicOpportunity = {
    ...base,
    kind: 'cohort',
    program: 'hello-valle',
    title: { es: 'Hello Valle! cohorte de marzo', en: 'Hello Valle! March cohort' },
    startsOn: '2027-03-01',
    endsOn: '2027-08-31',
    mode: 'in_person',
    place: 'Sede Comfandi El Prado, Cali',
    schedule: { es: 'Lunes a viernes, 6 a 8 p. m.', en: 'Monday to Friday, 6 to 8 p.m.' },
    employerName: null,
  };

  it('is a Course with name, description, provider and a CourseInstance with courseMode, dates and location', () => {
    const ld = courseJsonLd(cohort, 'en', { url, providerName: 'Comfandi' });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'Hello Valle! March cohort',
      description: 'Serve customers in English.',
      provider: { '@type': 'Organization', name: 'Comfandi' },
    });
    const instances = ld.hasCourseInstance as Record<string, unknown>[];
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({
      '@type': 'CourseInstance',
      courseMode: 'Onsite',
      startDate: '2027-03-01',
      endDate: '2027-08-31',
      location: { '@type': 'Place', name: 'Sede Comfandi El Prado, Cali' },
      courseSchedule: { '@type': 'Schedule', description: 'Monday to Friday, 6 to 8 p.m.' },
      provider: { '@type': 'Organization', name: 'Comfandi' },
    });
  });

  it('an online cohort is courseMode Online at a virtual location', () => {
    const ld = courseJsonLd({ ...cohort, mode: 'online', place: null, enrolmentUrl: 'https://program.example/enrol' }, 'es', { url, providerName: 'Comfandi' });
    expect((ld.hasCourseInstance as Record<string, unknown>[])[0]).toMatchObject({ courseMode: 'Online', location: { '@type': 'VirtualLocation', url: 'https://program.example/enrol' } });
    expect(courseJsonLd({ ...cohort, mode: 'hybrid' }, 'es', { url, providerName: 'X' }).hasCourseInstance).toMatchObject([{ courseMode: 'Blended' }]);
  });
});

describe('serializing JSON-LD into the page', () => {
  it('cannot end the script element early, and parses back to the same data', () => {
    const data = { '@type': 'JobPosting', title: '</script><script>alert(1)</script>', description: 'a\u2028b' };
    const text = serializeJsonLd(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });
});
