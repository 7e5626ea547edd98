// The one schema of the staff opportunity form, run by the form in the browser (before it posts) and by the server
// action (which never trusts the browser). Every field is read as the string(s) a form sends; errors are message
// keys under `StaffOpportunityForm.errors`. A draft may be incomplete; publishing (or saving a published
// opportunity) needs both languages and what its kind needs to be announced, which the database's CHECKs repeat.
import { z } from 'zod';
import { englishLevels, interestOptions, type EnglishLevel, type Interest } from '../candidates/options';
import { municipalities } from '../municipalities';
import { programSlugs, type ProgramSlug } from '../programs/slugs';
import { isCalendarDay } from '../form-dates';

z.config({ jitless: true });

export const opportunityKinds = ['cohort', 'job'] as const;
export type OpportunityKind = (typeof opportunityKinds)[number];
export const opportunityModes = ['in_person', 'online', 'hybrid'] as const;
export type OpportunityMode = (typeof opportunityModes)[number];
export const employmentTypes = ['full_time', 'part_time', 'contractor', 'temporary', 'internship'] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const opportunityStates = ['draft', 'published', 'closed'] as const;
export type OpportunityState = (typeof opportunityStates)[number];

/** What the form posts: every field as the text the browser sends (checkboxes and multi-selects as lists). */
export interface OpportunityFormValues {
  kind: string;
  titleEs: string;
  titleEn: string;
  descriptionEs: string;
  descriptionEn: string;
  program: string;
  startsOn: string;
  endsOn: string;
  scheduleEs: string;
  scheduleEn: string;
  mode: string;
  place: string;
  costTermsEs: string;
  costTermsEn: string;
  seats: string;
  howToEnrolEs: string;
  howToEnrolEn: string;
  enrolmentUrl: string;
  employerId: string;
  employmentType: string;
  salaryMin: string;
  salaryMax: string;
  closesOn: string;
  minEnglishLevel: string;
  municipalities: string[];
  remote: boolean;
  interests: string[];
  minAge: string;
  maxAge: string;
}

export const textFields = [
  'kind', 'titleEs', 'titleEn', 'descriptionEs', 'descriptionEn', 'program', 'startsOn', 'endsOn', 'scheduleEs',
  'scheduleEn', 'mode', 'place', 'costTermsEs', 'costTermsEn', 'seats', 'howToEnrolEs', 'howToEnrolEn', 'enrolmentUrl',
  'employerId', 'employmentType', 'salaryMin', 'salaryMax', 'closesOn', 'minEnglishLevel', 'minAge', 'maxAge',
] as const satisfies readonly (keyof OpportunityFormValues)[];

export function emptyOpportunityValues(kind: OpportunityKind = 'cohort'): OpportunityFormValues {
  const values = Object.fromEntries(textFields.map((f) => [f, ''])) as unknown as OpportunityFormValues;
  return { ...values, kind, municipalities: [], interests: [], remote: false };
}

/** A form's fields as strings, each cut at a length no real value reaches (so a huge post costs nothing more). */
export function opportunityValuesFromForm(form: FormData): OpportunityFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.slice(0, limits.rawText) : '';
  };
  const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string').slice(0, 100).map((v) => v.slice(0, 64));
  const values = Object.fromEntries(textFields.map((f) => [f, text(f)])) as unknown as OpportunityFormValues;
  return { ...values, municipalities: list('municipalities'), interests: list('interests'), remote: form.get('remote') === 'on' };
}

const limits = { title: 160, description: 5000, short: 500, place: 200, url: 500, rawText: 6000, seats: 10_000, salary: 1_000_000_000 } as const;

export type OpportunityErrorKey =
  | 'required'
  | 'tooLong'
  | 'invalid'
  | 'date'
  | 'endsBeforeStart'
  | 'url'
  | 'number'
  | 'salaryOrder'
  | 'ageOrder'
  | 'age'
  | 'placeRequired';

/** What a valid form holds, typed as the database stores it (empty text → null). */
export interface OpportunityInput {
  kind: OpportunityKind;
  titleEs: string;
  titleEn: string;
  descriptionEs: string;
  descriptionEn: string;
  program: ProgramSlug | null;
  startsOn: string | null;
  endsOn: string | null;
  scheduleEs: string | null;
  scheduleEn: string | null;
  mode: OpportunityMode | null;
  place: string | null;
  costTermsEs: string | null;
  costTermsEn: string | null;
  seats: number | null;
  howToEnrolEs: string | null;
  howToEnrolEn: string | null;
  enrolmentUrl: string | null;
  employerId: string | null;
  employmentType: EmploymentType | null;
  salaryMin: number | null;
  salaryMax: number | null;
  closesOn: string | null;
  minEnglishLevel: EnglishLevel | null;
  municipalities: string[];
  remote: boolean;
  interests: Interest[];
  minAge: number | null;
  maxAge: number | null;
}

/** `draft`: shapes only. `publish`: also what the public page, the JSON-LD and matching need. */
export type Strictness = 'draft' | 'publish';

const clean = (value: string) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
const oneLine = (value: string) => clean(value).replace(/\s+/g, ' ');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const municipalityCodes = new Set<string>(municipalities.map((m) => m.code));

export function opportunitySchema(strictness: Strictness) {
  return z
    .custom<OpportunityFormValues>((v) => typeof v === 'object' && v !== null)
    .transform((v, ctx): OpportunityInput => {
      const issue = (path: keyof OpportunityFormValues, key: OpportunityErrorKey) => ctx.addIssue({ code: 'custom', path: [path], message: key });
      const text = (field: keyof OpportunityFormValues, max: number, single = true): string | null => {
        const raw = v[field];
        const value = typeof raw === 'string' ? (single ? oneLine(raw) : clean(raw)) : '';
        if (Array.from(value).length > max) issue(field, 'tooLong');
        return value === '' ? null : value;
      };
      const date = (field: 'startsOn' | 'endsOn' | 'closesOn') => {
        const value = v[field].trim();
        if (value === '') return null;
        if (!isCalendarDay(value)) issue(field, 'date');
        return value;
      };
      const integer = (field: 'seats' | 'salaryMin' | 'salaryMax' | 'minAge' | 'maxAge', min: number, max: number, key: OpportunityErrorKey = 'number') => {
        const value = v[field].replace(/[\s.,]/g, '');
        if (value === '') return null;
        if (!/^\d{1,10}$/.test(value) || Number(value) < min || Number(value) > max) {
          issue(field, key);
          return null;
        }
        return Number(value);
      };
      const oneOf = <T extends string>(field: keyof OpportunityFormValues, list: readonly T[]): T | null => {
        const value = String(v[field] ?? '').trim();
        if (value === '') return null;
        if (!(list as readonly string[]).includes(value)) issue(field, 'invalid');
        return (list as readonly string[]).includes(value) ? (value as T) : null;
      };

      const kind = oneOf('kind', opportunityKinds);
      if (!kind) issue('kind', 'required');
      const out: OpportunityInput = {
        kind: kind ?? 'cohort',
        titleEs: text('titleEs', limits.title) ?? '',
        titleEn: text('titleEn', limits.title) ?? '',
        descriptionEs: text('descriptionEs', limits.description, false) ?? '',
        descriptionEn: text('descriptionEn', limits.description, false) ?? '',
        program: null,
        startsOn: null,
        endsOn: null,
        scheduleEs: null,
        scheduleEn: null,
        mode: null,
        place: null,
        costTermsEs: null,
        costTermsEn: null,
        seats: null,
        howToEnrolEs: null,
        howToEnrolEn: null,
        enrolmentUrl: null,
        employerId: null,
        employmentType: null,
        salaryMin: null,
        salaryMax: null,
        closesOn: null,
        minEnglishLevel: oneOf('minEnglishLevel', englishLevels),
        municipalities: [...new Set(v.municipalities)].filter((code) => {
          if (municipalityCodes.has(code)) return true;
          issue('municipalities', 'invalid');
          return false;
        }),
        remote: v.remote === true,
        interests: [...new Set(v.interests)].filter((interest): interest is Interest => {
          if ((interestOptions as readonly string[]).includes(interest)) return true;
          issue('interests', 'invalid');
          return false;
        }),
        minAge: integer('minAge', 12, 99, 'age'),
        maxAge: integer('maxAge', 12, 99, 'age'),
      };
      if (out.minAge !== null && out.maxAge !== null && out.minAge > out.maxAge) issue('maxAge', 'ageOrder');

      // Only the fields of its kind are kept: a cohort never carries an employer, a job never a program.
      if (out.kind === 'cohort') {
        out.program = oneOf('program', programSlugs);
        out.startsOn = date('startsOn');
        out.endsOn = date('endsOn');
        if (out.startsOn && out.endsOn && isCalendarDay(out.startsOn) && isCalendarDay(out.endsOn) && out.endsOn < out.startsOn) issue('endsOn', 'endsBeforeStart');
        out.scheduleEs = text('scheduleEs', limits.short);
        out.scheduleEn = text('scheduleEn', limits.short);
        out.mode = oneOf('mode', opportunityModes);
        out.place = text('place', limits.place);
        out.costTermsEs = text('costTermsEs', limits.short, false);
        out.costTermsEn = text('costTermsEn', limits.short, false);
        out.seats = integer('seats', 1, limits.seats);
        out.howToEnrolEs = text('howToEnrolEs', limits.short, false);
        out.howToEnrolEn = text('howToEnrolEn', limits.short, false);
        const url = text('enrolmentUrl', limits.url);
        if (url !== null) {
          // The program's own page: https only, no credentials, a real host.
          let parsed: URL | null = null;
          try {
            parsed = new URL(url);
          } catch {
            parsed = null;
          }
          if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname.includes('.')) issue('enrolmentUrl', 'url');
          else out.enrolmentUrl = parsed.href;
        }
      } else {
        const employer = v.employerId.trim();
        if (employer !== '' && !uuid.test(employer)) issue('employerId', 'invalid');
        out.employerId = employer !== '' && uuid.test(employer) ? employer.toLowerCase() : null;
        out.employmentType = oneOf('employmentType', employmentTypes);
        out.salaryMin = integer('salaryMin', 0, limits.salary);
        out.salaryMax = integer('salaryMax', 0, limits.salary);
        if (out.salaryMin !== null && out.salaryMax !== null && out.salaryMin > out.salaryMax) issue('salaryMax', 'salaryOrder');
        out.closesOn = date('closesOn');
      }

      if (strictness === 'publish') {
        for (const field of ['titleEs', 'titleEn', 'descriptionEs', 'descriptionEn'] as const) if (!out[field]) issue(field, 'required');
        if (out.kind === 'cohort') {
          if (!out.program) issue('program', 'required');
          if (!out.startsOn && !v.startsOn.trim()) issue('startsOn', 'required');
          if (!out.mode) issue('mode', 'required');
          if (out.mode !== null && out.mode !== 'online' && !out.place) issue('place', 'required');
        } else {
          if (!out.employerId && !v.employerId.trim()) issue('employerId', 'required');
          if (!out.closesOn && !v.closesOn.trim()) issue('closesOn', 'required');
          if (!out.remote && out.municipalities.length === 0) issue('municipalities', 'placeRequired');
        }
      }
      return out;
    });
}

/** Field → error key, the first error of each field. */
export function opportunityErrors(error: z.ZodError): Record<string, OpportunityErrorKey> {
  const out: Record<string, OpportunityErrorKey> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message as OpportunityErrorKey;
  return out;
}

export function parseOpportunity(values: OpportunityFormValues, strictness: Strictness):
  | { ok: true; data: OpportunityInput }
  | { ok: false; errors: Record<string, OpportunityErrorKey> } {
  const parsed = opportunitySchema(strictness).safeParse(values);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: opportunityErrors(parsed.error) };
}

/** A stored opportunity as the form shows it (to edit it, or to check it again before publishing). */
export function opportunityValuesFrom(row: {
  [K in keyof OpportunityInput]: OpportunityInput[K] | Date | string | number | boolean | string[] | null;
}): OpportunityFormValues {
  const str = (value: unknown) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  const values = Object.fromEntries(textFields.map((f) => [f, str(row[f])])) as unknown as OpportunityFormValues;
  return {
    ...values,
    municipalities: (row.municipalities as string[] | null) ?? [],
    interests: (row.interests as string[] | null) ?? [],
    remote: row.remote === true,
  };
}
