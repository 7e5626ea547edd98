import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { agencyEmail } from '@/lib/site';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Layout.footer' });
  return (
    <footer className="border-t border-slate-200 bg-slate-50 text-sm text-slate-700">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 sm:flex-row sm:justify-between">
        <p className="max-w-xl">{t('about')}</p>
        <ul className="flex flex-col gap-1">
          <li>
            <a className="underline" href={`mailto:${agencyEmail}`}>
              {t('contact', { email: agencyEmail })}
            </a>
          </li>
          <li>
            <a className="underline" href={`/${locale}/privacy`}>
              {t('privacy')}
            </a>
          </li>
          <li>
            <a className="underline" href={`/${locale}/staff/login`} rel="nofollow">
              {t('staff')}
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
