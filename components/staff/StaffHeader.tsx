import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Brand, SkipLink } from '../SiteHeader';
import { LocaleSwitcher } from '../LocaleSwitcher';

/** The staff pages' header: the site's name leads to the staff dashboard; what a staff member may open is in StaffNav. */
export async function StaffHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  const staff = await getTranslations({ locale, namespace: 'StaffHeader' });
  const s = await getTranslations({ locale, namespace: 'LocaleSwitcher' });
  const m = await getTranslations({ locale, namespace: 'Metadata' });
  const other: Locale = locale === 'es' ? 'en' : 'es';
  return (
    <>
      <SkipLink text={t('skipToContent')} />
      <header className="border-b border-slate-200 bg-white" data-header="staff">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-1 sm:px-6 md:py-2">
          <Brand href={`/${locale}/staff`} name={m('siteName')} tagline={staff('tagline')} />
          <LocaleSwitcher locale={locale} target={other} label={s('label')} text={s('switchToShort')} title={s('switchTo')} />
        </div>
      </header>
    </>
  );
}
