import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { displayPhone } from '@/lib/candidates/phone';
import { consentPurposes, type ConsentPurpose } from '@/lib/consent/policy';
import { pageMetadata } from '@/lib/seo/metadata';
import { getCandidate } from '@/lib/candidates/query';
import { listCandidateSharings } from '@/lib/sharing/list';
import { requestContext, requireViewer, staffData } from '@/lib/staff/page';
import { viewerCan } from '@/lib/staff/session';
import { deleteCandidateAction, revokeConsentAction } from '@/lib/staff/actions';
import { DataTable, StatusNotice } from '@/components/staff/DataTable';
import { candidateOpportunities } from '@/lib/opportunities/pipeline';
import { CandidateOpportunityList } from '@/components/opportunities/CandidateOpportunityList';
import { candidateRequests } from '@/lib/requests/register';
import { recordRequestAction } from '@/lib/requests/actions';
import { datetimeLocalValue } from '@/lib/requests/schema';
import { ReclamoMark } from '@/components/requests/ReclamoMark';
import { RequestTable } from '@/components/requests/RequestTable';
import { RecordRequestForm } from '@/components/requests/RecordRequestForm';
import { recordRequestText } from '@/components/requests/request-text';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/candidates/[id]'>): Promise<Metadata> {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  const t = await getTranslations({ locale, namespace: 'StaffCandidates' });
  // The title names no one: page titles end up in browser history and tab lists.
  return pageMetadata({ locale, path: `/staff/candidates/${id}`, title: t('title'), noIndex: true });
}

export default async function StaffCandidatePage({ params, searchParams }: PageProps<'/[locale]/staff/candidates/[id]'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/candidates/${id}`;
  const viewer = await requireViewer(locale, path);
  const context = await requestContext();
  const { candidate, sharings } = await staffData(locale, path, async () => ({ candidate: await getCandidate(viewer, id, context), sharings: await listCandidateSharings(viewer, id) }));
  const { notice } = await searchParams;
  const opportunities = candidate ? await staffData(locale, path, () => candidateOpportunities(viewer, id)) : [];
  const requests = candidate ? await staffData(locale, path, () => candidateRequests(viewer, candidate.id)) : [];
  const requestsText = await getTranslations({ locale, namespace: 'StaffCandidateRequests' });
  const registerText = await getTranslations({ locale, namespace: 'StaffRequests' });

  const t = await getTranslations({ locale, namespace: 'StaffCandidate' });
  const list = await getTranslations({ locale, namespace: 'StaffCandidates' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const common = await getTranslations({ locale, namespace: 'StaffCommon' });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, 'moment');
  const back = (
    <a href={`/${locale}/staff/candidates`} className="text-brand-700 underline">
      {t('back')}
    </a>
  );
  if (!candidate) {
    return (
      <div>
        {back}
        <h1 className="mt-4 text-2xl font-bold">{t('notFound')}</h1>
      </div>
    );
  }
  const place = (code: string) => (code === outsideValle ? options('municipalityOther') : (municipalityName(code) ?? code));
  const interests = (slugs: string[]) => slugs.map((s) => (options.has(`interest.${s as 'technology'}`) ? options(`interest.${s as 'technology'}`) : s)).join(', ') || common('none');
  const programs = (slugs: string[]) => slugs.map((s) => (options.has(`program.${s as 'hello-valle'}`) ? options(`program.${s as 'hello-valle'}`) : s)).join(', ') || common('none');
  // Codes as words: a purpose or a language is never shown as the code the database keeps.
  const purposes = (codes: string[]) =>
    codes.map((p) => ((consentPurposes as readonly string[]).includes(p) ? common(`purposes.${p as ConsentPurpose}`) : p)).join(', ') || common('none');
  const language = (code: string) => (code === 'es' || code === 'en' ? common(`languages.${code}`) : code);
  const notices: Record<string, string> = {
    revoked: t('revoked'),
    confirm: t('deleteNotConfirmed'),
    notFound: t('notFound'),
    forbidden: common('forbiddenText'),
  };
  const details: [string, string][] = [
    [t('email'), candidate.email],
    [t('phone'), displayPhone(candidate.phone)],
    [t('municipality'), place(candidate.municipality)],
    [t('birthYear'), String(candidate.birthYear)],
    [t('englishLevel'), options(`englishLevel.${candidate.englishLevel}.label`)],
    [t('interests'), interests(candidate.interests)],
    [t('programs'), programs(candidate.programs)],
    [t('locale'), language(candidate.locale)],
    [t('signedUp'), when(candidate.createdAt)],
    [t('updated'), when(candidate.updatedAt)],
    [t('consentStatus'), t(statusLabels[candidate.status])],
    [t('confirmedAt'), candidate.confirmedAt ? when(candidate.confirmedAt) : t('notConfirmed')],
    [t('purposesInForce'), purposes(candidate.consentPurposes)],
  ];

  return (
    <div>
      {back}
      <h1 className="mt-4 text-3xl font-bold">{candidate.fullName}</h1>
      {candidate.reclamos.map((reclamo) => (
        <ReclamoMark key={reclamo.id} locale={locale} subject={reclamo.subject} detail={reclamo.description} href={viewerCan(viewer, 'requests:manage') ? `/${locale}/staff/requests/${reclamo.id}` : undefined} />
      ))}
      {typeof notice === 'string' && notices[notice] && (
        <StatusNotice>
          {notices[notice]}
        </StatusNotice>
      )}

      <section aria-labelledby="details" className="mt-6">
        <h2 id="details" className="text-xl font-bold">
          {t('details')}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="submissions" className="mt-8">
        <h2 id="submissions" className="text-xl font-bold">
          {t('submissions')}
        </h2>
        <DataTable caption={t('submissionsCaption')} columns={[t('submittedAt'), t('submissionState'), list('name'), t('email'), t('phone'), t('municipality'), t('englishLevel'), t('interests'), t('programs')]}>
          {candidate.submissions.map((s) => (
            <tr key={s.id} className="border-b border-slate-200">
              <td className="p-2 whitespace-nowrap">{when(s.createdAt)}</td>
              <td className="p-2">
                {s.pending
                  ? t('submissionPending')
                  : s.confirmedAt
                    ? t('submissionConfirmed', { date: when(s.confirmedAt) })
                    : t('submissionApplied')}
                <br />
                <span className="text-sm text-slate-600">{t('submissionOrigin', { origin: s.origin === 'my-data' ? 'my_data' : 'sign_up' })}</span>
              </td>
              <td className="p-2">{s.fullName}</td>
              <td className="p-2">{s.email}</td>
              <td className="p-2 whitespace-nowrap">{displayPhone(s.phone)}</td>
              <td className="p-2">{place(s.municipality)}</td>
              <td className="p-2">{s.englishLevel}</td>
              <td className="p-2">{interests(s.interests)}</td>
              <td className="p-2">{programs(s.programs)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <CandidateOpportunityList locale={locale} items={opportunities} audience="staff" headingId="opportunities" />

      <section aria-labelledby="consents" className="mt-8">
        <h2 id="consents" className="text-xl font-bold">
          {t('consents')}
        </h2>
        <ol className="mt-3 flex flex-col gap-4">
          {candidate.consents.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 p-4">
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt>{t('consentGiven')}</dt>
                <dd>{when(c.givenAt)}</dd>
                <dt>{t('consentConfirmed')}</dt>
                <dd>{c.confirmedAt ? when(c.confirmedAt) : t('notConfirmed')}</dd>
                {c.confirmedAt && (
                  <>
                    <dt>{t('confirmIpAddress')}</dt>
                    <dd>{c.confirmIpAddress ?? '—'}</dd>
                    <dt>{t('confirmUserAgent')}</dt>
                    <dd className="break-all">{c.confirmUserAgent ?? '—'}</dd>
                  </>
                )}
                <dt>{t('consentRevokedAt')}</dt>
                <dd>{c.revokedAt ? when(c.revokedAt) : t('notRevoked')}</dd>
                <dt>{t('policyVersion')}</dt>
                <dd>{c.policyVersion}</dd>
                <dt>{t('purposes')}</dt>
                <dd>{purposes(c.purposes)}</dd>
                <dt>{t('ipAddress')}</dt>
                <dd>{c.ipAddress ?? '—'}</dd>
                <dt>{t('userAgent')}</dt>
                <dd className="break-all">{c.userAgent ?? '—'}</dd>
                <dt>{t('noticeHash')}</dt>
                <dd className="font-mono break-all">{c.notice.sha256}</dd>
              </dl>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">{t('noticeText', { locale: language(c.notice.locale) })}</summary>
                <p lang={c.notice.locale} className="mt-2 whitespace-pre-line">
                  {c.notice.text}
                </p>
              </details>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="requests" className="mt-8">
        <h2 id="requests" className="text-xl font-bold">
          {requestsText('title')}
        </h2>
        {requests.length === 0 ? (
          <p className="mt-2">{requestsText('none')}</p>
        ) : (
          <RequestTable locale={locale} rows={requests} caption={registerText('candidateCaption')} />
        )}
        {viewerCan(viewer, 'requests:manage') && (
          <>
            <h3 className="mt-6 text-lg font-bold">{requestsText('recordTitle')}</h3>
            <RecordRequestForm action={recordRequestAction.bind(null, locale, candidate.id)} text={await recordRequestText(locale)} now={datetimeLocalValue(new Date())} />
          </>
        )}
      </section>

      <section aria-labelledby="sharings" className="mt-8">
        <h2 id="sharings" className="text-xl font-bold">
          {t('sharingsTitle')}
        </h2>
        <p className="mt-1 text-sm">{t('sharingsHelp')}</p>
        {sharings.length === 0 ? (
          <p className="mt-3">{t('sharingsNone')}</p>
        ) : (
          <DataTable caption={t('sharingsCaption')} columns={[t('sharingsWhen'), t('sharingsOrganization'), t('sharingsPurpose'), t('sharingsHow'), t('sharingsBy')]}>
            {sharings.map((s) => (
              <tr key={s.id} className="border-b border-slate-200 align-top">
                <td className="p-2 whitespace-nowrap">{when(s.createdAt)}</td>
                <td className="p-2">
                  {s.organization} ({s.country})
                </td>
                <td className="p-2">{s.purpose}</td>
                <td className="p-2">{t.has(`sharingsFormats.${s.format as 'csv'}`) ? t(`sharingsFormats.${s.format as 'csv'}`) : s.format}</td>
                <td className="p-2">{s.staffName ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {viewerCan(viewer, 'candidates:manage') && (
        <section aria-labelledby="rights" className="mt-8 rounded border border-slate-300 p-4">
          <h2 id="rights" className="text-xl font-bold">
            {t('rights')}
          </h2>
          {candidate.consentInForce && (
            <form action={revokeConsentAction.bind(null, locale)} className="mt-3">
              <input type="hidden" name="id" value={candidate.id} />
              <p className="text-sm">{t('revokeHelp')}</p>
              <button type="submit" className="mt-2 rounded border border-brand-700 px-4 py-2 text-brand-700 hover:bg-brand-50">
                {t('revoke')}
              </button>
            </form>
          )}
          <form action={deleteCandidateAction.bind(null, locale)} className="mt-6">
            <input type="hidden" name="id" value={candidate.id} />
            <p className="text-sm">{t('deleteHelp')}</p>
            <label className="mt-2 flex items-center gap-2">
              <input type="checkbox" name="confirm" value="yes" required />
              {t('deleteConfirm')}
            </label>
            <button type="submit" className="mt-2 rounded bg-red-800 px-4 py-2 text-white hover:bg-red-900">
              {t('delete')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}

const statusLabels = { pending: 'statusPending', active: 'statusActive', revoked: 'statusRevoked' } as const;
