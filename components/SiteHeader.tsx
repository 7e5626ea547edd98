import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleSwitcher } from './LocaleSwitcher';
import { LogoMark } from './ui/LogoMark';

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const s = await getTranslations({ locale, namespace: 'LocaleSwitcher' });
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  const other: Locale = locale === 'es' ? 'en' : 'es';
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-700 focus:px-4 focus:py-2 focus:text-white"
      >
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-3 px-4 py-3 sm:gap-x-6 sm:px-6">
        <a href={`/${locale}`} className="flex items-center gap-2 rounded-lg sm:gap-3" aria-label={t('homeLink')}>
          <LogoMark className="size-8 shrink-0 sm:size-10" />
          <span className="flex flex-col leading-tight">
            <span className="text-base font-bold tracking-tight text-brand-800 sm:text-lg">{m('siteName')}</span>
            <span className="text-[0.7rem] text-slate-600 sm:text-xs">{t('byAgency')}</span>
          </span>
        </a>
        <nav aria-label={t('primaryNav')} className="order-3 w-full md:order-none md:w-auto">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm font-bold">
            <li>
              <a className="text-ink underline-offset-4 hover:text-brand-700 hover:underline" href={`/${locale}/programs`}>
                {t('nav.programs')}
              </a>
            </li>
            <li>
              <a className="text-ink underline-offset-4 hover:text-brand-700 hover:underline" href={`/${locale}/join`}>
                {t('nav.join')}
              </a>
            </li>
            <li>
              <a
                className="inline-flex min-h-9 items-center rounded-lg bg-brand-700 px-4 py-1.5 text-white hover:bg-brand-800"
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
