'use server';

// Server actions for the steps of sign-in after the password (second factor, a new password, setting up a second
// factor), one's own account, and an admin's view of a member's sessions and security. Each reads the form, calls
// lib/staff, and says where to go next.

import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { isUuid } from '@/lib/ids';
import { routing, type Locale } from '@/lib/i18n/routing';
import { revokeMemberSessions, unlockStaffAccount } from '@/lib/staff/accounts';
import {
  acknowledgeRecoveryCodes,
  beginEnrolmentAtSignIn,
  beginEnrolmentForSelf,
  confirmEnrolmentAtSignIn,
  confirmEnrolmentForSelf,
  regenerateRecoveryCodes,
  resetSecondFactor,
  verifySecondFactor,
} from '@/lib/staff/mfa';
import { asStaff, loginPath, requestContext, safeNextPath } from '@/lib/staff/page';
import { changeOwnPassword, completeRequiredPasswordChange, resetStaffPassword } from '@/lib/staff/password-change';
import { fieldErrors, secondFactorCodeSchema } from '@/lib/staff/schemas';
import { sessionCookieAttributes, sessionCookieName } from '@/lib/staff/cookie';
import {
  currentPendingSignIn,
  currentViewer,
  UnauthorizedError,
  type PendingSignIn,
  type SignInStage,
} from '@/lib/staff/session';
import type { CodeState, PasswordState, ResetPasswordState } from './form-states';

function localeOf(value: unknown): Locale {
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

/** Where a sign-in goes after a step: the page it was for once it is finished, the sign-in page (next step) until then. */
function afterStep(locale: Locale, next: string, stage: SignInStage | null): never {
  // The staff layout (its navigation) was rendered for a session that had not finished signing in: the router
  // must not keep it (a server action that sets no cookie leaves layouts as they were).
  revalidatePath(`/${locale}/staff`, 'layout');
  const target = safeNextPath(locale, next);
  if (stage === 'full') redirect(target);
  redirect(loginPath(locale, target === `/${locale}/staff` ? undefined : target));
}

/** The unfinished sign-in behind this browser's cookie, or back to the sign-in page. */
async function pendingOrBack(locale: Locale, next: string): Promise<PendingSignIn> {
  const pending = await currentPendingSignIn();
  if (!pending) afterStep(locale, next, (await currentViewer()) ? 'full' : null);
  return pending;
}

/** A step whose session ended meanwhile (too many codes, revoked) starts over: the cookie goes too. */
async function startOver(locale: Locale): Promise<never> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  cookieStore.set(sessionCookieName(headerList), '', sessionCookieAttributes(headerList, 0));
  redirect(loginPath(locale));
}

export async function verifySecondFactorAction(rawLocale: string, next: string, _previous: CodeState, form: FormData): Promise<CodeState> {
  const locale = localeOf(rawLocale);
  const parsed = secondFactorCodeSchema.safeParse({ code: String(form.get('code') ?? '') });
  if (!parsed.success) return { error: fieldErrors(parsed.error).code };
  const pending = await pendingOrBack(locale, next);
  let stage: SignInStage | null;
  try {
    const result = await verifySecondFactor(pending, parsed.data.code, await requestContext());
    if (!result.ok && result.error === 'tooManyCodes') await startOver(locale);
    if (!result.ok) return { error: result.error };
    stage = result.stage;
  } catch (error) {
    if (error instanceof UnauthorizedError) return startOver(locale);
    if (isDatabaseUnavailable(error)) return { error: 'unavailable' };
    throw error;
  }
  if (stage === 'enrolment') await beginEnrolmentAtSignIn(await pendingOrBack(locale, next));
  afterStep(locale, next, stage);
}

export async function completePasswordChangeAction(rawLocale: string, next: string, _previous: PasswordState, form: FormData): Promise<PasswordState> {
  const locale = localeOf(rawLocale);
  const pending = await pendingOrBack(locale, next);
  let stage: SignInStage | null;
  try {
    const result = await completeRequiredPasswordChange(
      pending,
      { password: String(form.get('password') ?? ''), confirm: String(form.get('confirm') ?? '') },
      await requestContext(),
    );
    if (!result.ok) return 'busy' in result ? { errors: { form: 'busy' } } : { errors: result.errors };
    stage = result.stage;
  } catch (error) {
    if (error instanceof UnauthorizedError) return startOver(locale);
    if (isDatabaseUnavailable(error)) return { errors: { form: 'unavailable' } };
    throw error;
  }
  if (stage === 'enrolment') await beginEnrolmentAtSignIn(await pendingOrBack(locale, next));
  afterStep(locale, next, stage);
}

/** Setting up the second factor at sign-in, when the page found no secret to show (it expired): make one. */
export async function beginEnrolmentAction(rawLocale: string, next: string): Promise<void> {
  const locale = localeOf(rawLocale);
  const pending = await pendingOrBack(locale, next);
  try {
    await beginEnrolmentAtSignIn(pending);
  } catch (error) {
    if (error instanceof UnauthorizedError) await startOver(locale);
    throw error;
  }
  afterStep(locale, next, 'enrolment');
}

export async function confirmEnrolmentAction(rawLocale: string, next: string, _previous: CodeState, form: FormData): Promise<CodeState> {
  const locale = localeOf(rawLocale);
  const parsed = secondFactorCodeSchema.safeParse({ code: String(form.get('code') ?? '') });
  if (!parsed.success) return { error: fieldErrors(parsed.error).code };
  const pending = await pendingOrBack(locale, next);
  try {
    const result = await confirmEnrolmentAtSignIn(pending, parsed.data.code, await requestContext());
    if (!result.ok) return { error: result.error };
    // Shown once, in this answer; the session waits until the person says they kept them (acknowledge below).
    return { recoveryCodes: result.recoveryCodes };
  } catch (error) {
    if (error instanceof UnauthorizedError) return startOver(locale);
    if (isDatabaseUnavailable(error)) return { error: 'unavailable' };
    throw error;
  }
}

export async function acknowledgeRecoveryCodesAction(rawLocale: string, next: string): Promise<void> {
  const locale = localeOf(rawLocale);
  const pending = await pendingOrBack(locale, next);
  let stage: SignInStage | null;
  try {
    stage = await acknowledgeRecoveryCodes(pending);
  } catch (error) {
    if (error instanceof UnauthorizedError) return startOver(locale);
    throw error;
  }
  afterStep(locale, next, stage);
}

export async function changeOwnPasswordAction(rawLocale: string, _previous: PasswordState, form: FormData): Promise<PasswordState> {
  const locale = localeOf(rawLocale);
  try {
    const result = await asStaff(locale, `/${locale}/staff/account`, (viewer, ctx) =>
      changeOwnPassword(
        viewer,
        { current: String(form.get('current') ?? ''), password: String(form.get('password') ?? ''), confirm: String(form.get('confirm') ?? '') },
        ctx,
      ),
    );
    if (!result.ok) return 'busy' in result ? { errors: { form: 'busy' } } : { errors: result.errors };
    const t = await getTranslations({ locale, namespace: 'StaffAccount' });
    return { done: { message: t('passwordChanged', { count: result.sessionsEnded }) } };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { errors: { form: 'unavailable' } };
    throw error;
  }
}

export async function beginOwnEnrolmentAction(rawLocale: string): Promise<void> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/account`;
  await asStaff(locale, back, (viewer) => beginEnrolmentForSelf(viewer));
  redirect(`${back}#second-factor`);
}

export async function confirmOwnEnrolmentAction(rawLocale: string, _previous: CodeState, form: FormData): Promise<CodeState> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/account`;
  const parsed = secondFactorCodeSchema.safeParse({ code: String(form.get('code') ?? '') });
  if (!parsed.success) return { error: fieldErrors(parsed.error).code };
  const result = await asStaff(locale, back, (viewer, ctx) => confirmEnrolmentForSelf(viewer, parsed.data.code, ctx));
  if (!result.ok) return { error: result.error };
  return { recoveryCodes: result.recoveryCodes, continueTo: back };
}

export async function regenerateRecoveryCodesAction(rawLocale: string, _previous: CodeState): Promise<CodeState> {
  const locale = localeOf(rawLocale);
  const back = `/${locale}/staff/account`;
  const result = await asStaff(locale, back, (viewer, ctx) => regenerateRecoveryCodes(viewer, ctx));
  if (!result.ok) return { error: 'noPendingSecret' };
  return { recoveryCodes: result.recoveryCodes, continueTo: back };
}

function accountIdOf(form: FormData): string {
  const id = String(form.get('id') ?? '');
  return isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';
}

export async function revokeMemberSessionsAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = accountIdOf(form);
  const back = `/${locale}/staff/users/${id}`;
  const session = String(form.get('session') ?? '');
  const result = await asStaff(locale, back, (viewer, ctx) =>
    revokeMemberSessions(viewer, id, isUuid(session) ? session : null, ctx),
  );
  redirect(result.ok ? `${back}?notice=ended&count=${result.ended}` : `${back}?notice=notFound`);
}

export async function resetSecondFactorAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = accountIdOf(form);
  const back = `/${locale}/staff/users/${id}`;
  const result = await asStaff(locale, back, (viewer, ctx) => resetSecondFactor(viewer, id, ctx));
  redirect(`${back}?notice=${result.ok ? 'mfaReset' : result.error}`);
}

export async function unlockMemberAction(rawLocale: string, form: FormData): Promise<void> {
  const locale = localeOf(rawLocale);
  const id = accountIdOf(form);
  const back = `/${locale}/staff/users/${id}`;
  const result = await asStaff(locale, back, (viewer, ctx) => unlockStaffAccount(viewer, id, ctx));
  redirect(`${back}?notice=${result.ok ? 'unlocked' : result.error}`);
}

export async function resetPasswordAction(rawLocale: string, id: string, _previous: ResetPasswordState): Promise<ResetPasswordState> {
  const locale = localeOf(rawLocale);
  const accountId = isUuid(id) ? id : '00000000-0000-0000-0000-000000000000';
  try {
    const result = await asStaff(locale, `/${locale}/staff/users/${accountId}`, (viewer, ctx) => resetStaffPassword(viewer, accountId, ctx));
    return result.ok ? { generated: { email: result.email, password: result.password } } : { error: result.error };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { error: 'unavailable' };
    throw error;
  }
}
