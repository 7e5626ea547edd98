'use server';

// The opportunity work area's server actions (staff): announce, and move a candidate through the pipeline. Plain
// form posts that work without JavaScript; each redirects back with a notice.

import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { isUuid } from '@/lib/ids';
import { routing, type Locale } from '@/lib/i18n/routing';
import { asStaff } from '@/lib/staff/page';
import { announceOpportunity } from './announce';
import { changePipelineStatus } from './pipeline';

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

const nilUuid = '00000000-0000-0000-0000-000000000000';

export async function announceAction(rawLocale: string, opportunityId: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = isUuid(opportunityId) ? opportunityId : nilUuid;
  const back = `/${locale}/staff/opportunities/${id}/announce`;
  if (form.get('confirm') !== 'yes') redirect(`${back}?notice=confirm`);
  const result = await asStaff(locale, back, (viewer, ctx) => announceOpportunity(viewer, id, ctx));
  redirect(result.ok ? `${back}?notice=announced&queued=${result.queued}` : `${back}?notice=${result.error}`);
}

export async function changePipelineAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const opportunityId = String(form.get('opportunityId') ?? '');
  const id = isUuid(opportunityId) ? opportunityId : nilUuid;
  // Back to the same filtered page of the pipeline.
  const query = new URLSearchParams();
  for (const key of ['status', 'page'] as const) {
    const value = form.get(`return-${key}`);
    if (typeof value === 'string' && /^[a-z_0-9]{1,20}$/.test(value)) query.set(key, value);
  }
  const back = `/${locale}/staff/opportunities/${id}/pipeline`;
  const result = await asStaff(locale, back, (viewer, ctx) =>
    changePipelineStatus(
      viewer,
      { opportunityId: id, candidateId: String(form.get('candidateId') ?? ''), status: String(form.get('status') ?? '') as 'announced', note: String(form.get('note') ?? '') },
      ctx,
    ),
  );
  query.set('notice', result.ok ? 'changed' : result.error === 'invalid' ? (Object.values(result.fieldErrors)[0] ?? 'invalid') : result.error);
  redirect(`${back}?${query}`);
}
