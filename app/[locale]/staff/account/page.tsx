import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { pendingTotpSecret, secondFactorStatus } from '@/lib/staff/mfa';
import { requireViewer, staffData } from '@/lib/staff/page';
import { CodeForm } from '@/components/staff/CodeForm';
import { PasswordForm } from '@/components/staff/PasswordForm';
import { RegenerateCodes } from '@/components/staff/RegenerateCodes';
import { TotpQr } from '@/components/staff/TotpQr';
import { beginOwnEnrolmentAction, changeOwnPasswordAction, confirmOwnEnrolmentAction, regenerateRecoveryCodesAction } from '@/lib/staff/security-actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/account'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffAccount' });
  return pageMetadata({ locale, path: '/staff/account', title: t('title'), noIndex: true });
}

/** One's own account: the password, and the second factor with its recovery codes. */
export default async function StaffAccountPage({ params }: PageProps<'/[locale]/staff/account'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requireViewer(locale, '/staff/account');
  const status = await staffData(locale, '/staff/account', () => secondFactorStatus(viewer));
  const t = await getTranslations({ locale, namespace: 'StaffAccount' });
  const steps = await getTranslations({ locale, namespace: 'StaffSignInSteps' });
  const errors = await getTranslations({ locale, namespace: 'StaffErrors' });
  const login = await getTranslations({ locale, namespace: 'StaffLogin' });
  const format = await getFormatter({ locale });
  const messages = {
    codeRequired: errors('codeRequired'),
    codeInvalid: errors('codeInvalid'),
    noPendingSecret: errors('noPendingSecret'),
    unavailable: login('unavailable'),
    busy: errors('busy'),
    passwordRequired: errors('passwordRequired'),
    passwordTooLong: errors('passwordTooLong'),
    passwordMismatch: errors('passwordMismatch'),
    currentPasswordRequired: errors('currentPasswordRequired'),
    currentPasswordWrong: errors('currentPasswordWrong'),
    'password.tooShort': errors('password.tooShort'),
    'password.tooLong': errors('password.tooLong'),
    'password.common': errors('password.common'),
    'password.containsEmail': errors('password.containsEmail'),
    'password.same': errors('password.same'),
  };
  const codeText = (submit: string) => ({
    label: steps('code'),
    submit,
    errorSummary: steps('errorSummary'),
    messages,
    recoveryTitle: steps('recoveryTitle'),
    recoveryIntro: steps('recoveryIntro'),
    continue: steps('continue'),
  });
  const secret = status.settingUp ? await pendingTotpSecret(viewer.staffUserId) : null;

  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t('title')}</h1>

      <section aria-labelledby="password" className="mt-8">
        <h2 id="password" className="text-xl font-bold">
          {t('passwordTitle')}
        </h2>
        <p className="mt-2">{t('passwordIntro')}</p>
        <PasswordForm
          action={changeOwnPasswordAction.bind(null, locale)}
          idPrefix="own-password"
          text={{
            current: steps('currentPassword'),
            password: steps('newPassword'),
            confirm: steps('confirmPassword'),
            help: steps('passwordHelp'),
            submit: steps('savePassword'),
            errorSummary: steps('errorSummary'),
            messages,
          }}
        />
      </section>

      <section aria-labelledby="second-factor" className="mt-10">
        <h2 id="second-factor" className="text-xl font-bold">
          {t('mfaTitle')}
        </h2>
        <p className="mt-2">
          {status.enabledAt ? t('mfaOn', { date: format.dateTime(status.enabledAt, 'longDay'), left: status.recoveryCodesLeft }) : t('mfaOff')}
        </p>
        {secret ? (
          <>
            <p className="mt-3">{steps('enrolIntro')}</p>
            <TotpQr secret={secret} email={viewer.email} label={steps('qrLabel')} manualKey={steps('manualKey')} />
            <CodeForm action={confirmOwnEnrolmentAction.bind(null, locale)} text={codeText(steps('confirm'))} id="enrol-code" />
          </>
        ) : (
          <form action={beginOwnEnrolmentAction.bind(null, locale)} className="mt-3">
            <button type="submit" className="rounded border border-slate-500 px-3 py-1 hover:border-brand-700">
              {t('mfaSetUp')}
            </button>
          </form>
        )}
        {status.enabledAt && (
          <div className="mt-6">
            <p className="text-sm text-slate-700" id="new-codes-help">
              {t('newCodesHelp')}
            </p>
            <RegenerateCodes action={regenerateRecoveryCodesAction.bind(null, locale)} label={t('newCodes')} text={codeText(t('newCodes'))} />
          </div>
        )}
      </section>
    </div>
  );
}
