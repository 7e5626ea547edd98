import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleSwitcher } from './LocaleSwitcher';
import { LogoMark } from './ui/LogoMark';

const navLink = 'inline-flex min-h-11 items-center text-ink underline-offset-4 hover:text-brand-700 hover:underline';

/**
 * Sticky and one row high on a phone (the name and the language), with the sections in a row below that scrolls
 * away; on wider screens everything fits in the sticky row. Every target is at least 44 px high.
 */
export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const s = await getTranslations({ locale, namespace: 'LocaleSwitcher' });
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const links = [
    { href: `/${locale}/programs`, label: t('nav.programs') },
    { href: `/${locale}/join`, label: t('nav.join') },
    { href: `/${locale}/investors`, label: t('nav.investors') },
  ];
  const signUp = (
    <a className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-3 text-white hover:bg-brand-800 md:px-4" href={`/${locale}/talent`}>
      {t('nav.talent')}
    </a>
  );
  return (
    <>
      <SkipLink text={t('skipToContent')} />
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-1 sm:px-6 md:py-2">
          <Brand href={`/${locale}`} name={m('siteName')} tagline={t('byAgency')} />
          <nav aria-label={t('primaryNav')} className="hidden md:block">
            <ul className="flex items-center gap-x-5 text-sm font-bold">
              {links.map((link) => (
                <li key={link.href}>
                  <a className={navLink} href={link.href}>
                    {link.label}
                  </a>
                </li>
              ))}
              <li>{signUp}</li>
            </ul>
          </nav>
          <LocaleSwitcher locale={locale} target={other} label={s('label')} text={s('switchToShort')} title={s('switchTo')} />
        </div>
      </header>
      <nav aria-label={t('primaryNav')} className="border-b border-slate-200 bg-white md:hidden">
        <ul className="flex flex-wrap items-center gap-x-3 px-4 text-sm font-bold">
          {/* The investors' page is in the footer and one line of the home page: the phone's row keeps to residents. */}
          {links.slice(0, 2).map((link) => (
            <li key={link.href}>
              <a className={navLink} href={link.href}>
                {link.label}
              </a>
            </li>
          ))}
          <li className="py-1">{signUp}</li>
        </ul>
      </nav>
    </>
  );
}

export function SkipLink({ text }: { text: string }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-brand-700 focus:px-4 focus:py-2 focus:text-white"
    >
      {text}
    </a>
  );
}

export function Brand({ href, name, tagline }: { href: string; name: string; tagline: string }) {
  // The visible name is the link's name (WCAG 2.5.3): no aria-label over it.
  return (
    <a href={href} className="flex min-h-11 items-center gap-2 rounded-lg md:gap-3">
      <LogoMark className="size-8 shrink-0 md:size-10" />
      <span className="flex flex-col leading-tight">
        <span className="text-base font-bold tracking-tight text-brand-800 md:text-lg">{name}</span>
        <span className="hidden text-xs text-slate-600 sm:block">{tagline}</span>
      </span>
    </a>
  );
}
