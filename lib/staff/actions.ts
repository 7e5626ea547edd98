'use server';

// The staff pages' server actions. Here rather than under app/ so components can bind them (StaffNav's sign-out)
// without reaching into routes; the states they return live in ./form-states, which client forms import.

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { isUuid } from '@/lib/ids';
import { routing, type Locale } from '@/lib/i18n/routing';
import { deleteCandidate, revokeCandidateConsent } from '@/lib/candidates/rights';
import { changeStaffRole, createStaffAccount, setStaffDisabled, unlockStaffAccount } from '@/lib/staff/accounts';
import { absoluteTimeoutMs, deviceLifetimeMs } from '@/lib/staff/config';
import { deviceCookieAttributes, deviceCookieName, sessionCookieAttributes, sessionCookieName } from '@/lib/staff/cookie';
import { asStaff, loginPath, requestContext, safeNextPath } from '@/lib/staff/page';
import { isStaffRole } from '@/lib/staff/roles';
import { fieldErrors, signInSchema } from '@/lib/staff/schemas';
import { revokeSessionToken } from '@/lib/staff/session';
import { signIn, signOut } from '@/lib/staff/sign-in';
import type { CreateStaffState, SignInState } from './form-states';

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

export async function signInAction(rawLocale: string, next: string, _previous: SignInState, form: FormData): Promise<SignInState> {
  const locale = localeOf(rawLocale);
  const values = { email: String(form.get('email') ?? '').slice(0, 320) };
  const parsed = signInSchema.safeParse({ email: values.email, password: String(form.get('password') ?? '') });
  if (!parsed.success) return { values, fieldErrors: fieldErrors(parsed.error) };
  try {
    const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
    const deviceName = deviceCookieName(headerList);
    const result = await signIn(parsed.data, { ...(await requestContext()), deviceToken: cookieStore.get(deviceName)?.value, locale });
    if (!result.ok) return { values, error: result.reason };
    const name = sessionCookieName(headerList);
    // Whatever session this browser had before ends: every sign-in gets a new token.
    await revokeSessionToken(cookieStore.get(name)?.value);
    cookieStore.set(name, result.token, sessionCookieAttributes(headerList, Math.floor(absoluteTimeoutMs() / 1000)));
    if (result.deviceToken) cookieStore.set(deviceName, result.deviceToken, deviceCookieAttributes(headerList, Math.floor(deviceLifetimeMs / 1000)));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, error: 'unavailable' };
    throw error;
  }
  redirect(safeNextPath(locale, next));
}

export async function signOutAction(rawLocale: string): Promise<void> {
  const locale = localeOf(rawLocale);
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const name = sessionCookieName(headerList);
  await signOut(cookieStore.get(name)?.value, await requestContext());
  // Expire it with the same attributes it was set with: a __Host- cookie is only replaced by a Secure one.
  cookieStore.set(name, '', sessionCookieAttributes(headerList, 0));
  redirect(`${loginPath(locale)}?signedOut=1`);
}

export async function createStaffAction(rawLocale: string, _previous: CreateStaffState, form: FormData): Promise<CreateStaffState> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/users`;
  const values = {
    email: String(form.get('email') ?? '').slice(0, 320),
    name: String(form.get('name') ?? '').slice(0, 200),
    role: String(form.get('role') ?? 'staff'),
  };
  try {
    const result = await asStaff(locale, back, (viewer, ctx) =>
      createStaffAccount(viewer, { ...values, role: values.role as 'staff', password: String(form.get('password') ?? '') }, ctx),
    );
    if (!result.ok) return { values, errors: result.errors };
    revalidatePath(back);
    return { values: { email: '', name: '', role: 'staff' }, created: { email: result.email, password: result.generatedPassword } };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { values, unavailable: true };
    throw error;
  }
}

export async function setStaffDisabledAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/users`;
  const disable = form.get('disable') === '1';
  const result = await asStaff(locale, back, (viewer, ctx) => setStaffDisabled(viewer, String(form.get('id') ?? ''), disable, ctx));
  redirect(`${back}?notice=${result.ok ? (disable ? 'disabled' : 'enabled') : result.error}`);
}

export async function unlockStaffAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/users`;
  const result = await asStaff(locale, back, (viewer, ctx) => unlockStaffAccount(viewer, String(form.get('id') ?? ''), ctx));
  redirect(`${back}?notice=${result.ok ? 'unlocked' : result.error}`);
}

export async function changeStaffRoleAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/users`;
  const role = form.get('role');
  if (!isStaffRole(role)) redirect(back);
  const result = await asStaff(locale, back, (viewer, ctx) => changeStaffRole(viewer, String(form.get('id') ?? ''), role, ctx));
  redirect(`${back}?notice=${result.ok ? 'role' : result.error}`);
}

function candidateId(form: FormData): string {
  const id = form.get('id');
  // A malformed id is "not found" like an unknown one; the nil UUID names no candidate.
  return isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';
}

export async function revokeConsentAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = candidateId(form);
  const back = `/${locale}/staff/candidates/${id}`;
  const result = await asStaff(locale, back, (viewer, ctx) => revokeCandidateConsent(viewer, id, ctx));
  redirect(`${back}?notice=${result.ok ? 'revoked' : 'notFound'}`);
}

export async function deleteCandidateAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = candidateId(form);
  const back = `/${locale}/staff/candidates/${id}`;
  if (form.get('confirm') !== 'yes') redirect(`${back}?notice=confirm`);
  const result = await asStaff(locale, back, (viewer, ctx) => deleteCandidate(viewer, id, ctx));
  redirect(result.ok ? `/${locale}/staff/candidates?notice=deleted` : `${back}?notice=notFound`);
}
