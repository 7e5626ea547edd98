'use server';

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { routing, type Locale } from '@/lib/i18n/routing';
import { asStaff } from '@/lib/staff/page';
import { isOrganizationRequestStatus, setOrganizationRequestStatus } from './staff';

/** Staff change a request's status (a form per request on /staff/organizations). */
export async function setOrganizationRequestStatusAction(rawLocale: string, form: FormData): Promise<void> {
  const locale: Locale = hasLocale(routing.locales, rawLocale) ? rawLocale : routing.defaultLocale;
  const back = `/${locale}/staff/organizations`;
  const status = form.get('status');
  if (!isOrganizationRequestStatus(status)) redirect(back);
  const result = await asStaff(locale, back, (viewer, ctx) => setOrganizationRequestStatus(viewer, String(form.get('id') ?? ''), status, ctx));
  redirect(`${back}?notice=${result.ok ? 'saved' : result.error}`);
}
