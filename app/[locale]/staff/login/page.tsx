import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { pendingTotpSecret } from '@/lib/staff/mfa';
import { safeNextPath } from '@/lib/staff/page';
import { currentPendingSignIn, currentViewer, type PendingSignIn } from '@/lib/staff/session';
import { SignInForm } from '@/components/staff/SignInForm';
import { SignInStep } from '@/components/staff/SignInStep';
import { signInAction, signOutAction } from '@/lib/staff/actions';
import {
  acknowledgeRecoveryCodesAction,
  beginEnrolmentAction,
  completePasswordChangeAction,
  confirmEnrolmentAction,
  verifySecondFactorAction,
} from '@/lib/staff/security-actions';
import { StatusNotice } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/login'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffLogin' });
  return pageMetadata({ locale, path: '/staff/login', title: t('title'), noIndex: true });
}

export default async function StaffLoginPage({ params, searchParams }: PageProps<'/[locale]/staff/login'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const next = safeNextPath(locale, query.next);
  if (await currentViewer()) redirect(next);
  const pending = await currentPendingSignIn();
  if (pending) return <NextStep locale={locale} next={next} pending={pending} />;
  const t = await getTranslations({ locale, namespace: 'StaffLogin' });
  const errors = await getTranslations({ locale, namespace: 'StaffErrors' });
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-3">{t('intro')}</p>
      {query.signedOut === '1' && (
        <StatusNotice>
          {t('signedOut')}
        </StatusNotice>
      )}
      <SignInForm
        signIn={signInAction.bind(null, locale, next)}
        text={{
          email: t('email'),
          password: t('password'),
          submit: t('submit'),
          errorSummary: t('errorSummary'),
          messages: {
            invalid: t('invalid'),
            throttled: t('throttled'),
            busy: t('busy'),
            unavailable: t('unavailable'),
            emailRequired: errors('emailRequired'),
            emailInvalid: errors('emailInvalid'),
            passwordRequired: errors('passwordRequired'),
            passwordInvalid: errors('passwordInvalid'),
          },
        }}
      />
    </div>
  );
}

/** The step of signing in that comes after the password, for a session that has not finished signing in. */
async function NextStep({ locale, next, pending }: { locale: Locale; next: string; pending: PendingSignIn }) {
  const t = await getTranslations({ locale, namespace: 'StaffSignInSteps' });
  const errors = await getTranslations({ locale, namespace: 'StaffErrors' });
  const login = await getTranslations({ locale, namespace: 'StaffLogin' });
  const messages = {
    codeRequired: errors('codeRequired'),
    codeInvalid: errors('codeInvalid'),
    tooManyCodes: errors('tooManyCodes'),
    noPendingSecret: errors('noPendingSecret'),
    unavailable: login('unavailable'),
    busy: errors('busy'),
    passwordRequired: errors('passwordRequired'),
    passwordTooLong: errors('passwordTooLong'),
    passwordMismatch: errors('passwordMismatch'),
    'password.tooShort': errors('password.tooShort'),
    'password.tooLong': errors('password.tooLong'),
    'password.common': errors('password.common'),
    'password.containsEmail': errors('password.containsEmail'),
    'password.same': errors('password.same'),
  };
  const code = (submit: string) => ({
    label: t('code'),
    submit,
    errorSummary: t('errorSummary'),
    messages,
    recoveryTitle: t('recoveryTitle'),
    recoveryIntro: t('recoveryIntro'),
    continue: t('continue'),
  });
  const cancel = signOutAction.bind(null, locale);
  if (pending.stage === 'second-factor') {
    return (
      <SignInStep
        stage="second-factor"
        email={pending.email}
        text={{ title: t('secondFactorTitle'), intro: t('secondFactorIntro', { email: pending.email }), cancel: t('cancel'), code: code(t('verify')) }}
        verify={verifySecondFactorAction.bind(null, locale, next)}
        cancel={cancel}
      />
    );
  }
  if (pending.stage === 'password-change') {
    return (
      <SignInStep
        stage="password-change"
        email={pending.email}
        text={{
          title: t('passwordTitle'),
          intro: t('passwordIntro'),
          cancel: t('cancel'),
          password: {
            password: t('newPassword'),
            confirm: t('confirmPassword'),
            help: t('passwordHelp'),
            submit: t('savePassword'),
            errorSummary: t('errorSummary'),
            messages,
          },
        }}
        changePassword={completePasswordChangeAction.bind(null, locale, next)}
        cancel={cancel}
      />
    );
  }
  // Setting up the second factor, and then (same page, same form) its recovery codes to keep.
  return (
    <SignInStep
      stage={pending.stage}
      email={pending.email}
      secret={pending.stage === 'enrolment' ? await pendingTotpSecret(pending.staffUserId) : null}
      text={{
        title: t('enrolTitle'),
        intro: t('enrolIntro'),
        cancel: t('cancel'),
        qrLabel: t('qrLabel'),
        manualKey: t('manualKey'),
        start: t('start'),
        code: { ...code(t('confirm')), alreadyShown: t('recoveryShown') },
      }}
      verify={confirmEnrolmentAction.bind(null, locale, next)}
      begin={beginEnrolmentAction.bind(null, locale, next)}
      acknowledge={acknowledgeRecoveryCodesAction.bind(null, locale, next)}
      cancel={cancel}
    />
  );
}
