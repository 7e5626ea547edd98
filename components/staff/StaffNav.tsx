import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { can, type StaffRole } from '@/lib/staff/roles';
import { signOutAction } from '@/lib/staff/actions';

export async function StaffNav({ locale, name, role }: { locale: Locale; name: string; role: StaffRole }) {
  const t = await getTranslations({ locale, namespace: 'StaffNav' });
  const roles = await getTranslations({ locale, namespace: 'StaffRoles' });
  const links = [
    { href: `/${locale}/staff`, label: t('dashboard'), show: true },
    { href: `/${locale}/staff/candidates`, label: t('candidates'), show: true },
    { href: `/${locale}/staff/opportunities`, label: t('opportunities'), show: can(role, 'opportunities:manage') },
    { href: `/${locale}/staff/organizations`, label: t('organizations'), show: can(role, 'organizations:read') },
    { href: `/${locale}/staff/requests`, label: t('requests'), show: can(role, 'requests:manage') },
    { href: `/${locale}/staff/incidents`, label: t('incidents'), show: can(role, 'incidents:manage') },
    { href: `/${locale}/staff/partners`, label: t('partners'), show: can(role, 'partners:manage') },
    { href: `/${locale}/staff/users`, label: t('users'), show: can(role, 'staff:manage') },
    { href: `/${locale}/staff/audit`, label: t('audit'), show: can(role, 'audit:read') },
    { href: `/${locale}/staff/retention`, label: t('retention'), show: can(role, 'audit:read') },
    { href: `/${locale}/staff/account`, label: t('account'), show: true },
  ];
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded border border-slate-200 bg-slate-50 px-4 py-3">
      <nav aria-label={t('label')}>
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <li key={l.href}>
                <a className="text-brand-700 underline-offset-4 hover:underline" href={l.href}>
                  {l.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>{t('signedInAs', { name, role: roles(role) })}</span>
        <form action={signOutAction.bind(null, locale)}>
          <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1 hover:border-brand-700">
            {t('signOut')}
          </button>
        </form>
      </div>
    </div>
  );
}
