import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { listStaffAccounts } from '@/lib/staff/accounts';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { staffRoles } from '@/lib/staff/roles';
import { CreateStaffForm } from '@/components/staff/CreateStaffForm';
import { changeStaffRoleAction, createStaffAction, setStaffDisabledAction, unlockStaffAction } from '@/lib/staff/actions';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/users'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffUsers' });
  return pageMetadata({ locale, path: '/staff/users', title: await staffPageTitle(locale, t('title'), 'staff:manage'), noIndex: true });
}

const noticeKeys = ['disabled', 'enabled', 'unlocked', 'role', 'self', 'notFound'] as const;

export default async function StaffUsersPage({ params, searchParams }: PageProps<'/[locale]/staff/users'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const viewer = await requirePermission(locale, '/staff/users', 'staff:manage');
  const accounts = await staffData(locale, '/staff/users', () => listStaffAccounts(viewer));
  const { notice } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'StaffUsers' });
  const roles = await getTranslations({ locale, namespace: 'StaffRoles' });
  const errors = await getTranslations({ locale, namespace: 'StaffErrors' });
  const login = await getTranslations({ locale, namespace: 'StaffLogin' });
  const format = await getFormatter({ locale });
  const noticeKey = noticeKeys.find((k) => k === notice);

  return (
    <div>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {noticeKey && (
        <StatusNotice>
          {t(`notice.${noticeKey}`)}
        </StatusNotice>
      )}
      <DataTable caption={t('tableCaption')} columns={[t('name'), t('email'), t('role'), t('status'), t('lastSignIn'), t('actions')]} className="mt-6">
        {accounts.map((a) => {
          const self = a.id === viewer.staffUserId;
          return (
            <tr key={a.id} className="border-b border-slate-200 align-top">
              <td className="p-2">
                <a className="text-brand-700 underline" href={`/${locale}/staff/users/${a.id}`} aria-label={t('details', { name: a.name })}>
                  {a.name}
                </a>{' '}
                {self && <span className="text-slate-700">{t('you')}</span>}
              </td>
              <td className="p-2">{a.email}</td>
              <td className="p-2">{roles(a.role)}</td>
              <td className="p-2">
                {a.disabledAt ? t('disabled') : t('active')}
                {a.lockedUntil && (
                  <span className="block text-red-800">{t('lockedUntil', { time: format.dateTime(a.lockedUntil, 'moment') })}</span>
                )}
              </td>
              <td className="p-2">{a.lastSignInAt ? format.dateTime(a.lastSignInAt, 'moment') : t('never')}</td>
              <td className="p-2">
                {!self && (
                  <div className="flex flex-wrap items-end gap-3">
                    <form action={changeStaffRoleAction.bind(null, locale)} className="flex items-end gap-2">
                      <input type="hidden" name="id" value={a.id} />
                      <select name="role" defaultValue={a.role} aria-label={t('changeRole', { name: a.name })} className="rounded border border-slate-500 px-2 py-1">
                        {staffRoles.map((r) => (
                          <option key={r} value={r}>
                            {roles(r)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="rounded border border-slate-500 px-2 py-1 hover:border-brand-700">
                        {t('saveRole')}
                      </button>
                    </form>
                    {a.lockedUntil && (
                      <form action={unlockStaffAction.bind(null, locale)}>
                        <input type="hidden" name="id" value={a.id} />
                        <button type="submit" className="rounded border border-slate-500 px-2 py-1 hover:border-brand-700">
                          {t('unlock', { name: a.name })}
                        </button>
                      </form>
                    )}
                    <form action={setStaffDisabledAction.bind(null, locale)}>
                      <input type="hidden" name="id" value={a.id} />
                      <input type="hidden" name="disable" value={a.disabledAt ? '0' : '1'} />
                      <button type="submit" className="rounded border border-slate-500 px-2 py-1 hover:border-brand-700">
                        {a.disabledAt ? t('enable', { name: a.name }) : t('disable', { name: a.name })}
                      </button>
                    </form>
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>

      <section aria-labelledby="create" className="mt-10">
        <h2 id="create" className="text-xl font-bold">
          {t('create')}
        </h2>
        <CreateStaffForm
          create={createStaffAction.bind(null, locale)}
          text={{
            heading: t('create'),
            name: t('name'),
            email: t('email'),
            role: t('role'),
            roles: { admin: roles('admin'), staff: roles('staff'), privacy: roles('privacy') },
            password: t('password'),
            passwordHelp: t('passwordHelp'),
            submit: t('submit'),
            errorSummary: t('errorSummary'),
            unavailable: login('unavailable'),
            created: t.raw('created') as string,
            generated: t.raw('generated') as string,
            errors: {
              emailRequired: errors('emailRequired'),
              emailInvalid: errors('emailInvalid'),
              emailTaken: errors('emailTaken'),
              nameRequired: errors('nameRequired'),
              nameTooLong: errors('nameTooLong'),
              roleInvalid: errors('roleInvalid'),
              passwordTooLong: errors('passwordTooLong'),
              'password.tooShort': errors('password.tooShort'),
              'password.tooLong': errors('password.tooLong'),
              'password.common': errors('password.common'),
              'password.containsEmail': errors('password.containsEmail'),
            },
          }}
        />
      </section>
    </div>
  );
}
