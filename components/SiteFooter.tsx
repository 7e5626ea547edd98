import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { agency, socialLinkName } from '@/lib/site';
import { LogoMark } from './ui/LogoMark';

const linkClass = 'inline-flex min-h-11 items-center underline underline-offset-4 hover:text-white';

/** Who runs the site and how to reach the agency: address, phone, email, tax id and profiles from configuration. */
export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout.footer' });
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  const websiteHost = new URL(agency.website).hostname.replace(/^www\./, '');
  return (
    <footer className="bg-ink text-sm text-slate-200">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:px-6 md:grid-cols-[1.6fr_1fr_1.4fr]">
        <div className="max-w-md">
          <p className="flex items-center gap-3 text-base font-bold text-white">
            <LogoMark className="size-8 shrink-0" />
            {m('siteName')}
          </p>
          <p className="mt-3 leading-relaxed">{t('about')}</p>
          <p className="mt-3 leading-relaxed">{t('partnership')}</p>
        </div>
        <nav aria-label={t('nav')}>
          <h2 className="font-bold text-white">{t('explore')}</h2>
          <ul className="mt-2 flex flex-col">
            <li>
              <a className={linkClass} href={`/${locale}/programs`}>
                {t('programs')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/opportunities`}>
                {t('opportunities')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/join`}>
                {t('join')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/investors`}>
                {t('investors')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/talent-pool`}>
                {t('talentPool')}
              </a>
            </li>
            <li>
              <a className={linkClass} href={`/${locale}/talent`}>
                {t('signUp')}
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
        </nav>
        <div>
          <h2 className="font-bold text-white">{t('contactHeading')}</h2>
          <address className="mt-2 flex flex-col not-italic">
            <span className="py-2">{t('agencyName')}</span>
            {agency.address ? <span className="pb-2">{agency.address}</span> : null}
            {agency.phone ? (
              <a className={linkClass} href={`tel:${agency.phone.replace(/[^+\d]/g, '')}`}>
                {t('phone', { phone: agency.phone })}
              </a>
            ) : null}
            <a className={`${linkClass} wrap-anywhere`} href={`mailto:${agency.email}`}>
              {agency.email}
            </a>
            <a className={linkClass} href={agency.website} rel="noopener external">
              {websiteHost}
            </a>
          </address>
          {agency.taxId ? <p className="py-2">{t('taxId', { taxId: agency.taxId })}</p> : null}
          {agency.socialLinks.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-x-4" aria-label={t('social')}>
              {agency.socialLinks.map((url) => (
                <li key={url}>
                  <a className={linkClass} href={url} rel="noopener external">
                    {socialLinkName(url)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </footer>
  );
}
