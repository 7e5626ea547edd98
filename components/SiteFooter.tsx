import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { agencyEmail } from '@/lib/site';
import { LogoMark } from './ui/LogoMark';

const linkClass = 'underline-offset-4 hover:text-white hover:underline';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout.footer' });
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  return (
    <footer className="bg-ink text-sm text-slate-200">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6 md:grid-cols-[2fr_1fr_1.3fr]">
        <div className="max-w-md">
          <p className="flex items-center gap-3 text-base font-bold text-white">
            <LogoMark className="size-8 shrink-0" />
            {m('siteName')}
          </p>
          <p className="mt-3 leading-relaxed">{t('about')}</p>
        </div>
        <nav aria-label={t('nav')}>
          <p className="font-bold text-white">{t('explore')}</p>
          <ul className="mt-3 flex flex-col gap-2">
            <li>
              <a className={linkClass} href={`/${locale}/programs`}>
                {t('programs')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/join`}>
                {t('join')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/talent`}>
                {t('signUp')}
              </a>
            </li>
          </ul>
        </nav>
        <div>
          <p className="font-bold text-white">{t('contactHeading')}</p>
          <ul className="mt-3 flex flex-col gap-2">
            <li>
              <a className={linkClass} href={`mailto:${agencyEmail}`}>
                {agencyEmail}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/privacy`}>
                {t('privacy')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/staff/login`} rel="nofollow">
                {t('staff')}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
