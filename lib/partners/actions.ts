'use server';

// The partners page's server actions (/{locale}/staff/partners). The forms post to them with or without JavaScript;
// errors come back with what was typed.

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { isUuid } from '@/lib/ids';
import { routing, type Locale } from '@/lib/i18n/routing';
import { asStaff } from '@/lib/staff/page';
import { createPartner, setPartnerArchived, updatePartner } from './manage';
import { emptyPartnerValues, partnerValuesFrom } from './schema';
import type { PartnerFormState } from './form-state';

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

export async function createPartnerAction(rawLocale: string, _previous: PartnerFormState, form: FormData): Promise<PartnerFormState> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/partners`;
  const values = partnerValuesFrom(form);
  try {
    const result = await asStaff(locale, back, (viewer, ctx) => createPartner(viewer, values, ctx));
    if (!result.ok) return { values, errors: result.errors };
    revalidatePath(back);
    return { values: emptyPartnerValues, saved: values.name.trim() };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, unavailable: true };
    throw error;
  }
}

export async function updatePartnerAction(rawLocale: string, id: string, _previous: PartnerFormState, form: FormData): Promise<PartnerFormState> {
  const locale = localeOf(rawLocale);
  const partnerId = isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';
  const back = `/${locale}/staff/partners/${partnerId}`;
  const values = partnerValuesFrom(form);
  let result;
  try {
    result = await asStaff(locale, back, (viewer, ctx) => updatePartner(viewer, partnerId, values, ctx));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, unavailable: true };
    throw error;
  }
  if (!result.ok && 'errors' in result) return { values, errors: result.errors };
  revalidatePath(`/${locale}/staff/partners`);
  redirect(`/${locale}/staff/partners?notice=${result.ok ? 'updated' : 'notFound'}`);
}

export async function archivePartnerAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/partners`;
  const id = String(form.get('id') ?? '');
  const archive = form.get('archive') !== '0';
  const result = await asStaff(locale, back, (viewer, ctx) => setPartnerArchived(viewer, id, archive, ctx));
  revalidatePath(back);
  redirect(`${back}?notice=${result.ok ? (archive ? 'archived' : 'restored') : 'notFound'}`);
}
