import type { Program } from './data';

// The message keys a program's pages read, derived from its data: a program with a duration needs the
// duration label, one with components needs each component's title and description, and so on.
// tests/unit/programs.test.ts checks every key in both languages.

const perProgramFields = [
  'tagline',
  'description',
  'audience',
  'offer',
  'metaDescription',
  'action.heading',
  'action.text',
] as const;

export function requiredProgramMessageKeys(program: Program): string[] {
  const { slug, audience, offer } = program;
  const keys = [
    `Options.program.${slug}`,
    ...perProgramFields.map((field) => `Programs.items.${slug}.${field}`),
    'Programs.detail.behindHeading',
    'Programs.detail.audienceHeading',
    'Programs.detail.offerHeading',
  ];
  const detail = (...names: string[]) => keys.push(...names.map((n) => `Programs.detail.${n}`));
  const level = (l: string) => keys.push(`Options.englishLevel.${l}.label`);

  if (program.leads.length > 0) detail('leads');
  for (const org of program.leads) keys.push(`Programs.organizations.${org}`);
  if (program.coordinator) {
    detail('coordinator');
    keys.push(`Programs.organizations.${program.coordinator}`);
  }
  if (program.partOf) detail('partOf', 'compromisoValle');
  if (program.since !== undefined) detail('since', 'sinceValue');
  if (program.nonProfit) detail('nonProfit');
  if (program.sectors.length > 0) detail('sectors');
  for (const sector of program.sectors) keys.push(`Programs.sector.${sector}`);

  if (audience.ages) detail('ages', 'agesValue');
  if (audience.residence) {
    detail('residence');
    keys.push(`Programs.residence.${audience.residence}`);
  }
  if (audience.entryLevel) {
    detail('entryLevel');
    level(audience.entryLevel);
  }
  if (audience.groups.length > 0) detail('groups');
  for (const group of audience.groups) keys.push(`Programs.audienceGroup.${group}`);

  if (offer.cost) {
    detail('cost');
    keys.push(`Programs.cost.${offer.cost}`);
  }
  if (offer.durationMonths !== undefined) detail('duration', 'durationValue');
  if (offer.levels) {
    detail('levels', 'levelsValue');
  }
  if (offer.beneficiaries) detail('beneficiaries', 'beneficiariesValue');
  if (offer.outcome) {
    detail('outcome');
    keys.push(`Programs.outcome.${offer.outcome}`);
  }
  if (program.editions.length > 0) detail('editions');
  for (const edition of program.editions) {
    detail(edition.status === 'expected' ? 'editionExpected' : edition.first ? 'editionHeldFirst' : 'editionHeld');
  }
  if (program.components.length > 0) detail('componentsHeading');
  for (const component of program.components) {
    keys.push(`Programs.component.${component}.title`, `Programs.component.${component}.description`);
  }
  if (program.testSources.length > 0) detail('testSources');
  for (const source of program.testSources) keys.push(`Programs.testSource.${source}`);
  return [...new Set(keys)];
}

type Tree = { readonly [key: string]: unknown };

/** The keys among `keys` that are missing or empty in `messages`. */
export function missingMessageKeys(messages: Tree, keys: readonly string[]): string[] {
  return keys.filter((key) => {
    let node: unknown = messages;
    for (const part of key.split('.')) {
      node = node && typeof node === 'object' ? (node as Tree)[part] : undefined;
    }
    return typeof node !== 'string' || node.trim() === '';
  });
}
