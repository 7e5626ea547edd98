import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { opportunityLink, type OpportunityLink } from '@/lib/opportunities/links';
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
  let link: OpportunityLink | null | 'unavailable';
  try {
    link = await opportunityLink(token);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    link = 'unavailable';
  }
  if (link === 'unavailable' || !link) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{link ? t('unavailableTitle') : t('invalidTitle')}</h1>
        <p className="mt-4 text-lg">{link ? t('unavailableBody') : t('invalidBody')}</p>
      </div>
    );
  }
  const title = locale === 'en' ? link.titleEn : link.titleEs;
  const page = `/${locale}/opportunities/${link.slug}`;
  if (link.interested) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('alreadyTitle')}</h1>
        <p className="mt-4 text-lg">{t('alreadyBody', { title })}</p>
        <p className="mt-6">
          <a className="text-brand-700 underline" href={page}>
            {t('see', { kind: link.kind })}
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('body', { title, kind: link.kind })}</p>
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
      <p className="mt-6">
        <a className="text-brand-700 underline" href={page}>
          {t('see', { kind: link.kind })}
        </a>
      </p>
    </div>
  );
}
