import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { safeNextPath } from '@/lib/staff/page';
import { currentViewer } from '@/lib/staff/session';
import { SignInForm } from '@/components/staff/SignInForm';
import { signInAction } from '../actions';
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
