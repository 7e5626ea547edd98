import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { MessagePage } from '@/components/ui/MessagePage';
import { opportunityLink } from '@/lib/opportunities/links';
import { unsubscribeAction } from './actions';

// The page an announcement's unsubscribe link opens: it says what stops (mails about training, or about jobs) and
// the button withdraws that consent at once. Opening it changes nothing.
export async function generateMetadata({ params }: PageProps<'/[locale]/unsubscribe'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Unsubscribe' });
  return pageMetadata({ locale, path: '/unsubscribe', title: t('metaTitle'), noIndex: true });
}

export default async function UnsubscribePage({ params, searchParams }: PageProps<'/[locale]/unsubscribe'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const t = await getTranslations({ locale, namespace: 'Unsubscribe' });
  const myData = { href: `/${locale}/my-data`, label: t('myData') };
  const link = await opportunityLink(token);
  if (link === 'unavailable' || !link) {
    return <MessagePage title={link ? t('unavailableTitle') : t('invalidTitle')} body={link ? t('unavailableBody') : t('invalidBody')} link={myData} />;
  }
  if (!link.subscribed) return <MessagePage title={t('alreadyTitle')} body={t('alreadyBody', { kind: link.kind })} link={myData} />;
  return (
    <MessagePage title={t('title', { kind: link.kind })} body={t('body', { kind: link.kind })}>
      <p className="mt-2">{t('others')}</p>
      {query.retry === '1' && (
        <p role="status" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3">
          {t('retry')}
        </p>
      )}
      <form action={unsubscribeAction.bind(null, locale)} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded bg-brand-700 px-5 py-3 font-bold text-white hover:bg-brand-800">
          {t('button', { kind: link.kind })}
        </button>
      </form>
    </MessagePage>
  );
}
