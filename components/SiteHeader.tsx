import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleSwitcher } from './LocaleSwitcher';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const s = await getTranslations({ locale, namespace: 'LocaleSwitcher' });
  const other: Locale = locale === 'es' ? 'en' : 'es';
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-700 focus:px-4 focus:py-2 focus:text-white"
      >
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <a href={`/${locale}`} className="flex flex-col leading-tight" aria-label={t('homeLink')}>
          <span className="text-lg font-bold text-brand-700">{(await getTranslations({ locale, namespace: 'Metadata' }))('siteName')}</span>
          <span className="text-xs text-slate-600">{t('byAgency')}</span>
        </a>
        <nav aria-label={t('primaryNav')} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
            <li>
              <a className="underline-offset-4 hover:underline" href={`/${locale}/programs`}>
                {t('nav.programs')}
              </a>
            </li>
            <li>
              <a className="underline-offset-4 hover:underline" href={`/${locale}/join`}>
                {t('nav.join')}
              </a>
            </li>
            <li>
              <a
                className="rounded bg-brand-700 px-3 py-1 text-white hover:bg-brand-800"
                href={`/${locale}/talent`}
              >
                {t('nav.talent')}
              </a>
            </li>
          </ul>
        </nav>
        <LocaleSwitcher
          locale={locale}
          target={other}
          label={s('label')}
          text={s('switchToShort')}
          title={s('switchTo')}
        />
      </div>
    </header>
  );
}
