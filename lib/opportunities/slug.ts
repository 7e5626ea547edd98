import { randomBytes } from 'node:crypto';

// An opportunity's public address: its Spanish title (the agency's audience searches in Spanish first), made of
// a-z, 0-9 and hyphens, and six random characters so two cohorts named alike never share one. Given once, at the
// first publication: a published address never changes (links in mails and search results keep working).

export const slugPattern = '[a-z0-9]+(?:-[a-z0-9]+)*';
const slugShape = new RegExp(`^${slugPattern}$`);

export function isOpportunitySlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && slugShape.test(value);
}

export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export function newSlug(title: string): string {
  const suffix = randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(6, '0').slice(0, 6);
  const base = slugify(title);
  return base ? `${base}-${suffix}` : `opportunity-${suffix}`;
}

/** A draft's placeholder address: never public (drafts have no page), replaced when it is first published. */
export function draftSlug(): string {
  return `draft-${randomBytes(9).toString('hex')}`;
}
