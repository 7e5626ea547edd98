import 'server-only';
import { revalidatePath } from 'next/cache';
import { routing } from '@/lib/i18n/routing';
import { markPagesChanged } from '@/lib/security/script-hashes';
import { finderPath } from '@/lib/finder/answers';
import { filterPath, opportunitiesPath } from './filters';

/**
 * Make again, on their next request, the static pages that show an opportunity: the list and each of its filters,
 * the opportunity's own page, the sitemap and, for a cohort, its program's page and the finder's answers (which
 * answers suggest the program is the finder's rule, so all of them), in every language. revalidatePath without a
 * profile expires them at once: the next visitor gets the new version, rendered then and cached again.
 * This instance only: another instance behind the same nginx catches up at the pages' timed revalidation.
 */
export function revalidateOpportunityPages(changed: { slug: string; programs: (string | null | undefined)[] }): void {
  for (const locale of routing.locales) {
    revalidatePath(`/${locale}${opportunitiesPath}`);
    revalidatePath(`/${locale}${opportunitiesPath}/${changed.slug}`);
    for (const program of new Set(changed.programs)) if (program) revalidatePath(`/${locale}/programs/${program}`);
  }
  revalidatePath(`/[locale]${filterPath}/[filter]`, 'page');
  if (changed.programs.some(Boolean)) revalidatePath(`/[locale]${finderPath}/[answer]`, 'page');
  revalidatePath('/sitemap.xml');
  markPagesChanged();
}
