'use server';

// The staff opportunity form's server actions (create, edit, publish, close). Each runs as the signed-in staff
// member (asStaff: an ended session goes to sign-in), changes the opportunity through lib/opportunities/manage.ts (authorized, audited), and then
// revalidates the static public pages that show it.

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { isUuid } from '@/lib/ids';
import { routing, type Locale } from '@/lib/i18n/routing';
import { asStaff } from '@/lib/staff/page';
import { closeOpportunity, createOpportunity, publishOpportunity, updateOpportunity, type SaveResult } from './manage';
import { revalidateOpportunityPages } from './revalidate';
import { opportunityValuesFromForm } from './schema';
import type { OpportunityFormState } from './form-state';

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

function afterChange(result: SaveResult & { ok: true }, previousProgram?: string | null) {
  if (result.state !== 'draft') revalidateOpportunityPages({ slug: result.slug, programs: [result.program, previousProgram] });
}

/**
 * The form: create (id null) or save a draft or a published opportunity; `intent=publish` on a draft saves it and
 * then publishes it. Errors come back with everything that was typed.
 */
export async function saveOpportunityAction(
  rawLocale: string,
  id: string | null,
  _previous: OpportunityFormState,
  form: FormData,
): Promise<OpportunityFormState> {
  const locale = localeOf(rawLocale);
  const values = opportunityValuesFromForm(form);
  const publish = form.get('intent') === 'publish';
  const back = id && isUuid(id) ? `/${locale}/staff/opportunities/${id}` : `/${locale}/staff/opportunities/new`;
  let target: string;
  try {
    target = await asStaff(locale, back, async (viewer, ctx) => {
      const saved = id ? await updateOpportunity(viewer, id, values, ctx) : await createOpportunity(viewer, values, ctx);
      if (!saved.ok) return 'notFound' in saved ? `/${locale}/staff/opportunities?notice=notFound` : { errors: saved.errors };
      afterChange(saved, saved.previousProgram);
      if (!publish || saved.state !== 'draft') return `/${locale}/staff/opportunities/${saved.id}?notice=saved`;
      const published = await publishOpportunity(viewer, saved.id, ctx);
      // Saved as a draft but not complete enough to publish: its page lists what is missing (nothing typed is lost).
      if (!published.ok) return 'notFound' in published ? `/${locale}/staff/opportunities?notice=notFound` : `/${locale}/staff/opportunities/${saved.id}?notice=incomplete`;
      afterChange(published);
      return `/${locale}/staff/opportunities/${saved.id}?notice=published`;
    }).then((outcome) => {
      if (typeof outcome === 'string') return outcome;
      throw new FormErrors(outcome.errors);
    });
  } catch (error) {
    if (error instanceof FormErrors) return { values, errors: error.errors };
    if (isDatabaseUnavailable(error)) return { values, unavailable: true };
    throw error;
  }
  redirect(target);
}

class FormErrors extends Error {
  constructor(readonly errors: OpportunityFormState['errors']) {
    super('form errors');
  }
}

async function stateChange(rawLocale: string, form: FormData, change: typeof publishOpportunity, done: string): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = String(form.get('id') ?? '');
  const back = isUuid(id) ? `/${locale}/staff/opportunities/${id}` : `/${locale}/staff/opportunities`;
  const result = await asStaff(locale, back, (viewer, ctx) => change(viewer, id, ctx));
  if (!result.ok) redirect('notFound' in result ? `/${locale}/staff/opportunities?notice=notFound` : `${back}?notice=incomplete`);
  afterChange(result);
  redirect(`${back}?notice=${done}`);
}

export async function publishOpportunityAction(rawLocale: string, form: FormData): Promise<void> {
  await stateChange(rawLocale, form, publishOpportunity, 'published');
}

export async function closeOpportunityAction(rawLocale: string, form: FormData): Promise<void> {
  await stateChange(rawLocale, form, closeOpportunity, 'closed');
}
