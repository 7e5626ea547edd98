import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { getStaffMember, listMemberSessions } from '@/lib/staff/accounts';
import { requirePermission, staffData, staffPageTitle } from '@/lib/staff/page';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';
import { ResetPasswordForm } from '@/components/staff/ResetPasswordForm';
import { resetPasswordAction, resetSecondFactorAction, revokeMemberSessionsAction, unlockMemberAction } from '@/lib/staff/security-actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/users/[id]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'StaffUsers' });
  return pageMetadata({ locale, path: '/staff/users', title: await staffPageTitle(locale, t('title'), 'staff:manage'), noIndex: true });
}

const noticeKeys = ['ended', 'mfaReset', 'unlocked', 'self', 'notFound'] as const;
const button = 'rounded border border-slate-500 px-3 py-1 hover:border-brand-700';

/** An admin's view of one member: their sessions (and ending them), their lock and second factor, a new password. */
export default async function StaffMemberPage({ params, searchParams }: PageProps<'/[locale]/staff/users/[id]'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/users/${id}`;
  const viewer = await requirePermission(locale, path, 'staff:manage');
  const data = await staffData(locale, path, async () => ({ member: await getStaffMember(viewer, id), sessions: await listMemberSessions(viewer, id) }));
  const t = await getTranslations({ locale, namespace: 'StaffMember' });
  const users = await getTranslations({ locale, namespace: 'StaffUsers' });
  const roles = await getTranslations({ locale, namespace: 'StaffRoles' });
  const login = await getTranslations({ locale, namespace: 'StaffLogin' });
  const { member, sessions } = data;
  if (!member) {
    return (
      <div>
        <h1 className="text-3xl font-bold">{t('notFound')}</h1>
        <a className="mt-4 inline-block text-brand-700 underline" href={`/${locale}/staff/users`}>
          {t('back')}
        </a>
      </div>
    );
  }
  const query = await searchParams;
  const notice = noticeKeys.find((k) => k === query.notice);
  const count = Number(query.count ?? 0);
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, 'moment');
  const self = member.id === viewer.staffUserId;

  return (
    <div>
      <a className="text-brand-700 underline" href={`/${locale}/staff/users`}>
        {t('back')}
      </a>
      <h1 className="mt-3 text-3xl font-bold">{t('title', { name: member.name })}</h1>
      {notice && <StatusNotice>{notice === 'ended' ? t('notice.ended', { count: Number.isInteger(count) ? count : 0 }) : t(`notice.${notice}`)}</StatusNotice>}
      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">{users('email')}</dt>
        <dd>{member.email}</dd>
        <dt className="font-bold">{users('role')}</dt>
        <dd>{roles(member.role)}</dd>
        <dt className="font-bold">{users('status')}</dt>
        <dd>
          {member.disabledAt ? users('disabled') : users('active')}
          {member.lockedUntil && <span className="block text-red-800">{users('lockedUntil', { time: when(member.lockedUntil) })}</span>}
          {member.passwordChangeRequired && <span className="block">{t('mustChangePassword')}</span>}
        </dd>
        <dt className="font-bold">{t('secondFactor')}</dt>
        <dd>{member.secondFactorEnabledAt ? t('secondFactorOn', { date: when(member.secondFactorEnabledAt) }) : t('secondFactorOff')}</dd>
      </dl>

      {!self && (
        <div className="mt-6 flex flex-wrap gap-3">
          {member.lockedUntil && (
            <form action={unlockMemberAction.bind(null, locale)}>
              <input type="hidden" name="id" value={member.id} />
              <button type="submit" className={button}>
                {users('unlock', { name: member.name })}
              </button>
            </form>
          )}
          {member.secondFactorEnabledAt && (
            <form action={resetSecondFactorAction.bind(null, locale)}>
              <input type="hidden" name="id" value={member.id} />
              <button type="submit" className={button}>
                {t('resetSecondFactor')}
              </button>
            </form>
          )}
        </div>
      )}

      <section aria-labelledby="sessions" className="mt-10">
        <h2 id="sessions" className="text-xl font-bold">
          {t('sessionsTitle')}
        </h2>
        {sessions.length === 0 ? (
          <p className="mt-3">{t('noSessions')}</p>
        ) : (
          <DataTable caption={t('sessionsCaption')} columns={[t('started'), t('lastSeen'), t('address'), t('browser'), t('state'), users('actions')]}>
            {sessions.map((s) => {
              const open = s.open;
              return (
                <tr key={s.id} className="border-b border-slate-200 align-top">
                  <td className="p-2 whitespace-nowrap">{when(s.createdAt)}</td>
                  <td className="p-2 whitespace-nowrap">{when(s.lastSeenAt)}</td>
                  <td className="p-2">{s.ipAddress ?? '—'}</td>
                  <td className="p-2 break-all">{s.userAgent ?? '—'}</td>
                  <td className="p-2">{open ? t('open') : t('ended')}</td>
                  <td className="p-2">
                    {open && (
                      <form action={revokeMemberSessionsAction.bind(null, locale)}>
                        <input type="hidden" name="id" value={member.id} />
                        <input type="hidden" name="session" value={s.id} />
                        <button type="submit" className={button}>
                          {t('end', { time: when(s.createdAt) })}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <form action={revokeMemberSessionsAction.bind(null, locale)} className="mt-4">
          <input type="hidden" name="id" value={member.id} />
          <button type="submit" className={button}>
            {t('endAll')}
          </button>
        </form>
      </section>

      {!self && (
        <section aria-labelledby="reset-password" className="mt-10">
          <h2 id="reset-password" className="text-xl font-bold">
            {t('resetPassword')}
          </h2>
          <ResetPasswordForm
            action={resetPasswordAction.bind(null, locale, member.id)}
            text={{
              submit: t('resetPassword'),
              help: t('resetPasswordHelp'),
              generated: t.raw('generated') as string,
              errors: { self: t('notice.self'), notFound: t('notice.notFound'), unavailable: login('unavailable') },
            }}
          />
        </section>
      )}
    </div>
  );
}
