// schema.org structured data for the public opportunity pages: a job opening is a JobPosting (Google's job search
// reads title, description, datePosted, validThrough, hiringOrganization, jobLocation or TELECOMMUTE with
// applicantLocationRequirements, baseSalary, employmentType), a cohort a Course with its CourseInstance
// (courseMode, dates, location, provider). Pure functions: the page serializes what they return into a
// <script type="application/ld+json">, which is data (browsers never run it, so the CSP does not apply to it).
import { municipalityName } from '../municipalities';
import { siteUtcOffsetHours } from '../time-zone';
import type { Locale } from '../i18n/routing';
import type { PublicOpportunity } from './public';

type JsonLd = { [key: string]: unknown };

const region = 'Valle del Cauca';
const country = 'CO';

const employmentTypes = {
  full_time: 'FULL_TIME',
  part_time: 'PART_TIME',
  contractor: 'CONTRACTOR',
  temporary: 'TEMPORARY',
  internship: 'INTERN',
} as const;

const courseModes = { in_person: 'Onsite', online: 'Online', hybrid: 'Blended' } as const;

const offset = `-${String(Math.abs(siteUtcOffsetHours)).padStart(2, '0')}:00`;

function address(locality: string | null): JsonLd {
  return { '@type': 'PostalAddress', ...(locality ? { addressLocality: locality } : {}), addressRegion: region, addressCountry: country };
}

export function jobPostingJsonLd(
  opportunity: PublicOpportunity,
  locale: Locale,
  options: { url: string; employerName: string },
): JsonLd {
  const places = opportunity.municipalities.map((code) => municipalityName(code)).filter((n): n is string => Boolean(n));
  const salary =
    opportunity.salaryMin !== null || opportunity.salaryMax !== null
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: opportunity.salaryCurrency,
            value: {
              '@type': 'QuantitativeValue',
              ...(opportunity.salaryMin !== null && opportunity.salaryMax !== null && opportunity.salaryMin === opportunity.salaryMax
                ? { value: opportunity.salaryMin }
                : {
                    ...(opportunity.salaryMin !== null ? { minValue: opportunity.salaryMin } : {}),
                    ...(opportunity.salaryMax !== null ? { maxValue: opportunity.salaryMax } : {}),
                  }),
              // Salaries in Colombia are stated per month.
              unitText: 'MONTH',
            },
          },
        }
      : {};
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: opportunity.title[locale],
    description: opportunity.description[locale],
    datePosted: (opportunity.publishedAt ?? opportunity.updatedAt).slice(0, 10),
    ...(opportunity.closesOn ? { validThrough: `${opportunity.closesOn}T23:59:59${offset}` } : {}),
    hiringOrganization: { '@type': 'Organization', name: options.employerName },
    ...(places.length > 0 ? { jobLocation: places.map((name) => ({ '@type': 'Place', address: address(name) })) } : {}),
    ...(opportunity.remote
      ? { jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'Colombia' } }
      : {}),
    ...salary,
    ...(opportunity.employmentType ? { employmentType: employmentTypes[opportunity.employmentType] } : {}),
    inLanguage: locale,
    url: options.url,
  };
}

export function courseJsonLd(
  opportunity: PublicOpportunity,
  locale: Locale,
  options: { url: string; providerName: string; providerUrl?: string },
): JsonLd {
  const provider = { '@type': 'Organization', name: options.providerName, ...(options.providerUrl ? { sameAs: options.providerUrl } : {}) };
  const mode = opportunity.mode ? courseModes[opportunity.mode] : undefined;
  const location =
    opportunity.mode === 'online'
      ? { '@type': 'VirtualLocation', url: opportunity.enrolmentUrl ?? options.url }
      : { '@type': 'Place', name: opportunity.place ?? region, address: address(null) };
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: opportunity.title[locale],
    description: opportunity.description[locale],
    provider,
    inLanguage: locale,
    url: options.url,
    hasCourseInstance: [
      {
        '@type': 'CourseInstance',
        ...(mode ? { courseMode: mode } : {}),
        ...(opportunity.startsOn ? { startDate: opportunity.startsOn } : {}),
        ...(opportunity.endsOn ? { endDate: opportunity.endsOn } : {}),
        location,
        ...(opportunity.schedule?.[locale] ? { courseSchedule: { '@type': 'Schedule', description: opportunity.schedule[locale] } } : {}),
        provider,
      },
    ],
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can end the script element early. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
