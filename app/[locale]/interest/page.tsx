import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { MessagePage } from '@/components/ui/MessagePage';
import { opportunityLink } from '@/lib/opportunities/links';
import { interestAction } from './actions';

// The page an announcement's "I'm interested" link opens. Opening it changes nothing (mail scanners open links);
// the button posts, once.
export async function generateMetadata({ params }: PageProps<'/[locale]/interest'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Interest' });
  return pageMetadata({ locale, path: '/interest', title: t('metaTitle'), noIndex: true });
}

export default async function InterestPage({ params, searchParams }: PageProps<'/[locale]/interest'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const token = typeof query.token === 'string' ? query.token : '';
  const t = await getTranslations({ locale, namespace: 'Interest' });
  const link = await opportunityLink(token);
  if (link === 'unavailable' || !link) {
    return <MessagePage title={link ? t('unavailableTitle') : t('invalidTitle')} body={link ? t('unavailableBody') : t('invalidBody')} />;
  }
  const title = locale === 'en' ? link.titleEn : link.titleEs;
  const page = `/${locale}/opportunities/${link.slug}`;
  const see = { href: page, label: t('see', { kind: link.kind }) };
  if (link.interested) return <MessagePage title={t('alreadyTitle')} body={t('alreadyBody', { title })} link={see} />;
  return (
    <MessagePage title={t('title')} body={t('body', { title, kind: link.kind })} link={see}>
      {query.retry === '1' && (
        <p role="status" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3">
          {t('retry')}
        </p>
      )}
      <form action={interestAction.bind(null, locale)} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded bg-brand-700 px-5 py-3 font-bold text-white hover:bg-brand-800">
          {t('button')}
        </button>
      </form>
    </MessagePage>
  );
}
