// Which programs fit an answer, from what the programs' data says (lib/programs/data.ts): who each is for, its
// ages, its entry level, its cost. Where the agency's texts are silent the rule says so:
// - Hello Valle! trains people for bilingual contact-center jobs, whose level is B2 (what English for Contact
//   Centers leads to), so it is suggested below B2; the texts give no entry level.
// - English for Contact Centers publishes no cost, so it is suggested only to people who did not ask for free or
//   pay-later training.
// - "I don't know my level" is read as a beginner's level, with a note on how to tell.
import { englishLevels } from '@/lib/candidates/options';
import { programBySlug, type Program } from '@/lib/programs/data';
import type { ProgramSlug } from '@/lib/programs/slugs';
import type { FinderAnswer, FinderLevel } from './answers';

/** Why a suggestion fits: a message key under `Finder.why`. */
export type FitReason =
  | 'hello-valle'
  | 'english-for-contact-centers'
  | 'cali-open-to-work'
  | 'ready-for-jobs'
  | 'school'
  | 'organization-ambassadors'
  | 'organization-mesa';

export type Suggestion = { kind: 'program'; slug: ProgramSlug; why: FitReason } | { kind: 'sign-up'; why: 'ready-for-jobs' };

/** Remarks under the suggestions: message keys under `Finder.notes`. */
export type FinderNote = 'unsure-level' | 'under18' | 'contact-centers-from-b1' | 'nothing-fits';

const jobReadyLevel = 'B2';
const levelIndex = (level: FinderLevel) => englishLevels.indexOf(level === 'unsure' ? 'A2' : level);

const ageFits = (program: Program, band: 'under18' | '18to45' | 'over45') => {
  const ages = program.audience.ages;
  if (!ages) return band !== 'under18' || program.audience.residence === 'cali';
  return band === '18to45';
};

const payFits = (program: Program, pay: 'any' | 'free' | 'later') => {
  if (pay === 'any') return true;
  return program.offer.cost === (pay === 'free' ? 'free' : 'study-now-pay-later');
};

export function recommend(answer: FinderAnswer): { suggestions: Suggestion[]; notes: FinderNote[] } {
  if (answer.goal === 'organization') {
    return {
      suggestions: [
        { kind: 'program', slug: 'bilingualism-ambassadors', why: 'organization-ambassadors' },
        { kind: 'program', slug: 'mesa-de-bilinguismo', why: 'organization-mesa' },
      ],
      notes: [],
    };
  }
  const { goal, level, age, pay } = answer;
  const index = levelIndex(level);
  const ready = index >= englishLevels.indexOf(jobReadyLevel);
  const suggestions: Suggestion[] = [];
  const notes: FinderNote[] = [];

  const hello = programBySlug('hello-valle');
  if (hello.goals.includes(goal) && !ready && ageFits(hello, age) && payFits(hello, pay)) {
    suggestions.push({ kind: 'program', slug: 'hello-valle', why: 'hello-valle' });
  }
  const contactCenters = programBySlug('english-for-contact-centers');
  const entry = contactCenters.audience.entryLevel!;
  if (contactCenters.goals.includes(goal) && level === entry && age !== 'under18' && pay === 'any') {
    suggestions.push({ kind: 'program', slug: 'english-for-contact-centers', why: 'english-for-contact-centers' });
  }
  const openToWork = programBySlug('cali-open-to-work');
  if (openToWork.goals.includes(goal) && level !== 'C2' && ageFits(openToWork, age) && payFits(openToWork, pay)) {
    suggestions.push({ kind: 'program', slug: 'cali-open-to-work', why: 'cali-open-to-work' });
  }
  if (goal === 'job' && ready && age !== 'under18') suggestions.unshift({ kind: 'sign-up', why: 'ready-for-jobs' });
  if (age === 'under18') {
    suggestions.push({ kind: 'program', slug: 'bilingualism-ambassadors', why: 'school' });
    notes.push('under18');
  }
  if (level === 'unsure') notes.push('unsure-level');
  if (goal === 'job' && age !== 'under18' && index < englishLevels.indexOf(entry)) notes.push('contact-centers-from-b1');
  if (suggestions.length === 0) notes.push('nothing-fits');
  return { suggestions, notes };
}

/** The programs among the suggestions, in their order: the ones whose open cohorts the answer shows. */
export function suggestedPrograms(suggestions: readonly Suggestion[]): ProgramSlug[] {
  return suggestions.flatMap((s) => (s.kind === 'program' ? [s.slug] : []));
}
