import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { serverConfig } from '@/lib/config/env';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { consentPurposes } from '@/lib/consent/policy';
import type { SignUpFormState } from '@/lib/candidates/form-state';
import { currentCandidate, takeForm } from '@/lib/my-data/session';
import { myData } from '@/lib/my-data/data';
import { activityKey } from '@/lib/my-data/document';
import { UpdateDetailsForm } from '@/components/candidates/UpdateDetailsForm';
import { DataTable } from '@/components/staff/DataTable';
import { talentFormText } from '@/components/talent/talent-form-text';
import { CandidateOpportunityList } from '@/components/opportunities/CandidateOpportunityList';
import { myRequests } from '@/lib/requests/candidate';
import type { ReclamoFormState } from '@/lib/requests/candidate';
import { requestSubjects } from '@/lib/requests/schema';
import { requestErrorTexts } from '@/components/requests/request-text';
import { myDataAction } from '../actions';

// The candidate's own page: everything held about them, and a form for each right (no script needed for any).
export async function generateMetadata({ params }: PageProps<'/[locale]/my-data/view'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'MyData' });
  return pageMetadata({ locale, path: '/my-data/view', title: t('viewTitle'), noIndex: true });
}

const button = 'rounded border border-brand-700 px-4 py-2 text-brand-700 hover:bg-brand-50';
const primary = 'rounded bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800';

export default async function MyDataViewPage({ params, searchParams }: PageProps<'/[locale]/my-data/view'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: 'MyData' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const link = await currentCandidate();
  const data = link ? await myData(link) : null;
  if (!link || !data) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t('endedTitle')}</h1>
        {query.done === 'signedOut' && (
          <p role="status" className="mt-4 rounded bg-brand-50 px-4 py-3">
            {t('done.signedOut')}
          </p>
        )}
        <p className="mt-4 text-lg">{t('endedBody')}</p>
        <p className="mt-6">
          <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
            {t('newLink')}
          </a>
        </p>
      </div>
    );
  }
  const taken = (await takeForm(link)) as SignUpFormState | ReclamoFormState | null;
  const stashed = taken && !('form' in taken) ? taken : null;
  const reclamoState: ReclamoFormState = taken && 'form' in taken ? taken : { form: 'reclamo', values: { subject: 'rectification', description: '' }, fieldErrors: {} };
  const requests = await myRequests(link);
  const rq = await getTranslations({ locale, namespace: 'Requests' });
  const errorTexts = await requestErrorTexts(locale);
  const day = new Intl.DateTimeFormat(`${locale}-CO`, { dateStyle: 'full', timeZone: 'UTC' });
  const dueDay = (value: string) => day.format(new Date(`${value}T12:00:00Z`));
  const c = data.candidate;
  const when = new Intl.DateTimeFormat(`${locale}-CO`, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Bogota' });
  const date = (value: Date | null) => (value ? when.format(value) : '—');
  const place = (code: string) => (code === outsideValle ? options('municipalityOther') : (municipalityName(code) ?? code));
  const list = (values: string[]) => values.join(', ') || t('none');
  const interest = (s: string) => (options.has(`interest.${s as 'technology'}`) ? options(`interest.${s as 'technology'}`) : s);
  const program = (s: string) => (options.has(`program.${s as 'hello-valle'}`) ? options(`program.${s as 'hello-valle'}`) : s);
  const purpose = (p: string) => (t.has(`purposes.${p as 'training-offers'}`) ? t(`purposes.${p as 'training-offers'}`) : p);
  const action = myDataAction.bind(null, locale);
  const done = typeof query.done === 'string' && ['updated', 'revoked', 'reclamo'].includes(query.done) ? (query.done as 'updated' | 'revoked' | 'reclamo') : null;
  const formState: SignUpFormState = stashed ?? {
    status: 'idle',
    fieldErrors: {},
    values: {
      fullName: c.fullName,
      email: c.email,
      phone: c.phone,
      municipality: c.municipality,
      birthYear: String(c.birthYear),
      englishLevel: c.englishLevel,
      interests: c.interests,
      programs: c.programs,
      adult: true,
      consent: false,
    },
  };
  const details: [string, string][] = [
    [t('email'), c.email],
    [t('fullName'), c.fullName],
    [t('phone'), c.phone],
    [t('municipality'), place(c.municipality)],
    [t('birthYear'), String(c.birthYear)],
    [t('englishLevel'), options(`englishLevel.${c.englishLevel as 'B2'}.label`)],
    [t('interests'), list(c.interests.map(interest))],
    [t('programs'), list(c.programs.map(program))],
    [t('language'), c.locale === 'en' ? 'English' : 'Español'],
    [t('status'), t('statusValue', { status: c.status })],
    [t('confirmedAt'), c.confirmedAt ? date(c.confirmedAt) : t('notConfirmed')],
    [t('signedUpAt'), date(c.createdAt)],
    [t('updatedAt'), date(c.updatedAt)],
  ];

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('viewTitle')}</h1>
      <p className="mt-4">{t('viewIntro', { minutes: serverConfig().MY_DATA_SESSION_MINUTES })}</p>
      {done && (
        <p role="status" className="mt-4 rounded bg-brand-50 px-4 py-3">
          {t(`done.${done}`)}
        </p>
      )}

      <section aria-labelledby="details" className="mt-8">
        <h2 id="details" className="text-2xl font-bold">
          {t('detailsTitle')}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-bold">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="consent" className="mt-8">
        <h2 id="consent" className="text-2xl font-bold">
          {t('consentTitle')}
        </h2>
        {c.consentPurposes.length > 0 ? (
          <>
            <p className="mt-3">{t('consentInForce')}</p>
            <ul className="mt-2 flex flex-col gap-3">
              {consentPurposes
                .filter((p) => c.consentPurposes.includes(p))
                .map((p) => (
                  <li key={p} className="flex flex-wrap items-center gap-3">
                    <span>{purpose(p)}</span>
                    <form action={action}>
                      <input type="hidden" name="purpose" value={p} />
                      <button type="submit" name="intent" value="revoke" className={button}>
                        {t('revokeOne', { purpose: purpose(p) })}
                      </button>
                    </form>
                  </li>
                ))}
            </ul>
            <p className="mt-4 text-sm">{t('revokeHelp')}</p>
            <form action={action} className="mt-2">
              <input type="hidden" name="purpose" value="all" />
              <button type="submit" name="intent" value="revoke" className={button}>
                {t('revokeAll')}
              </button>
            </form>
          </>
        ) : (
          <p className="mt-3">{t('consentNone')}</p>
        )}
      </section>

      <CandidateOpportunityList locale={locale} items={data.opportunities} audience="candidate" headingId="opportunities" />

      <section aria-labelledby="update-heading" id="update" className="mt-8">
        <h2 className="text-2xl font-bold" id="update-heading">
          {t('updateTitle')}
        </h2>
        <p className="mt-2">{t('updateHelp')}</p>
        <UpdateDetailsForm action={action} state={formState} text={await talentFormText(locale)} submit={t('updateButton')} errorsHeading={t('updateErrors')} />
      </section>

      <section aria-labelledby="requests-heading" id="requests" className="mt-8">
        <h2 id="requests-heading" className="text-2xl font-bold">
          {t('requestsTitle')}
        </h2>
        <p className="mt-2">{t('requestsHelp')}</p>
        {requests.length === 0 ? (
          <p className="mt-3">{t('requestsNone')}</p>
        ) : (
          <ol className="mt-3 flex flex-col gap-3">
            {requests.map((r) => (
              <li key={r.reference} className="rounded border border-slate-300 p-4">
                <p className="font-bold">
                  {t('requestLine', { reference: r.reference, kind: rq(`kindShort.${r.kind}`), subject: rq(`subject.${r.subject}`) })}
                </p>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-bold">{t('requestReceived')}</dt>
                  <dd>{date(r.receivedAt)}</dd>
                  <dt className="font-bold">{t('requestStatus')}</dt>
                  <dd>{rq(`status.${r.status}`)}</dd>
                  {(r.status === 'open' || r.status === 'awaiting_info') && (
                    <>
                      <dt className="font-bold">{t('requestDue')}</dt>
                      <dd>{dueDay(r.due)}</dd>
                    </>
                  )}
                  {r.extensionReason && (
                    <>
                      <dt className="font-bold">{t('requestExtended')}</dt>
                      <dd className="whitespace-pre-line">{r.extensionReason}</dd>
                    </>
                  )}
                  {r.status === 'awaiting_info' && r.infoMissing && (
                    <>
                      <dt className="font-bold">{t('requestMissing')}</dt>
                      <dd className="whitespace-pre-line">
                        {r.infoMissing}
                        {r.withdrawnFrom && <span className="block">{t('requestWithdrawnFrom', { date: dueDay(r.withdrawnFrom) })}</span>}
                      </dd>
                    </>
                  )}
                  {r.closedAt && (
                    <>
                      <dt className="font-bold">{t('requestClosed')}</dt>
                      <dd>{date(r.closedAt)}</dd>
                    </>
                  )}
                </dl>
                {r.description && <p className="mt-2 whitespace-pre-line text-sm">{r.description}</p>}
                {r.answer && (
                  <div className="mt-2 rounded border-l-4 border-brand-700 bg-brand-50 p-3 text-sm">
                    <p className="font-bold">{t('requestAnswer')}</p>
                    <p className="mt-1 whitespace-pre-line">{r.answer}</p>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="reclamo-heading" id="reclamo" className="mt-8">
        <h2 id="reclamo-heading" className="text-2xl font-bold">
          {t('reclamoTitle')}
        </h2>
        <p className="mt-2">{t('reclamoHelp')}</p>
        <form action={action} className="mt-3 flex max-w-2xl flex-col gap-3">
          {Object.keys(reclamoState.fieldErrors).length > 0 && (
            <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
              {errorTexts.summary}
            </p>
          )}
          <label htmlFor="reclamo-subject" className="font-bold">
            {t('reclamoSubject')}
          </label>
          <select
            id="reclamo-subject"
            name="subject"
            defaultValue={reclamoState.values.subject}
            aria-describedby={reclamoState.fieldErrors.subject ? 'reclamo-subject-error' : undefined}
            className="max-w-md rounded border border-slate-500 px-3 py-2"
          >
            {requestSubjects
              .filter((s) => s !== 'access')
              .map((s) => (
                <option key={s} value={s}>
                  {rq(`subject.${s}`)}
                </option>
              ))}
          </select>
          {reclamoState.fieldErrors.subject && (
            <p id="reclamo-subject-error" className="text-sm text-red-800">
              {errorTexts[reclamoState.fieldErrors.subject]}
            </p>
          )}
          <label htmlFor="reclamo-description" className="font-bold">
            {t('reclamoText')}
          </label>
          <textarea
            id="reclamo-description"
            name="description"
            required
            maxLength={4000}
            rows={5}
            defaultValue={reclamoState.values.description}
            aria-invalid={reclamoState.fieldErrors.description ? true : undefined}
            aria-describedby={reclamoState.fieldErrors.description ? 'reclamo-description-error' : undefined}
            className="rounded border border-slate-500 px-3 py-2"
          />
          {reclamoState.fieldErrors.description && (
            <p id="reclamo-description-error" className="text-sm text-red-800">
              {errorTexts[reclamoState.fieldErrors.description]}
            </p>
          )}
          <div>
            <button type="submit" name="intent" value="reclamo" className={primary}>
              {t('reclamoButton')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="download" className="mt-8">
        <h2 id="download" className="text-2xl font-bold">
          {t('downloadTitle')}
        </h2>
        <p className="mt-2">{t('downloadHelp')}</p>
        <form method="post" action={`/${locale}/my-data/download`} className="mt-3 flex flex-wrap gap-3">
          <input type="hidden" name="intent" value="download" />
          <button type="submit" name="format" value="json" className={button}>
            {t('downloadJson')}
          </button>
          <button type="submit" name="format" value="html" className={button}>
            {t('downloadHtml')}
          </button>
        </form>
      </section>

      <section aria-labelledby="submissions" className="mt-8">
        <h2 id="submissions" className="text-2xl font-bold">
          {t('submissionsTitle')}
        </h2>
        <DataTable
          caption={t('submissionsCaption')}
          columns={[t('submittedAt'), t('submissionState'), t('fullName'), t('email'), t('phone'), t('municipality'), t('birthYear'), t('englishLevel'), t('interests'), t('programs')]}
        >
          {data.submissions.map((s) => (
            <tr key={s.id} className="border-b border-slate-200">
              <td className="p-2 whitespace-nowrap">{date(s.createdAt)}</td>
              <td className="p-2">
                {s.pending ? t('submissionPending') : s.confirmedAt ? t('submissionConfirmed') : t('submissionApplied')}
                <br />
                {t('submissionOrigin', { origin: s.origin === 'my-data' ? 'my_data' : 'sign_up' })}
              </td>
              <td className="p-2">{s.fullName}</td>
              <td className="p-2">{s.email}</td>
              <td className="p-2 whitespace-nowrap">{s.phone}</td>
              <td className="p-2">{place(s.municipality)}</td>
              <td className="p-2">{s.birthYear}</td>
              <td className="p-2">{s.englishLevel}</td>
              <td className="p-2">{list(s.interests.map(interest))}</td>
              <td className="p-2">{list(s.programs.map(program))}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="consents" className="mt-8">
        <h2 id="consents" className="text-2xl font-bold">
          {t('consentsTitle')}
        </h2>
        <ol className="mt-3 flex flex-col gap-4">
          {data.consents.map((k) => (
            <li key={k.id} className="rounded border border-slate-300 p-4">
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-bold">{t('consentGiven')}</dt>
                <dd>{date(k.givenAt)}</dd>
                <dt className="font-bold">{t('consentFrom')}</dt>
                <dd className="break-all">
                  {k.ipAddress ?? '—'} · {k.userAgent ?? '—'}
                </dd>
                <dt className="font-bold">{t('consentConfirmedAt')}</dt>
                <dd>{k.confirmedAt ? date(k.confirmedAt) : t('notConfirmed')}</dd>
                {k.confirmedAt && (
                  <>
                    <dt className="font-bold">{t('consentConfirmedFrom')}</dt>
                    <dd className="break-all">
                      {k.confirmIpAddress ?? '—'} · {k.confirmUserAgent ?? '—'}
                    </dd>
                  </>
                )}
                <dt className="font-bold">{t('consentRevokedAt')}</dt>
                <dd>{k.revokedAt ? date(k.revokedAt) : t('notWithdrawn')}</dd>
                <dt className="font-bold">{t('consentPurposes')}</dt>
                <dd>{list(k.purposes.map(purpose))}</dd>
                <dt className="font-bold">{t('policyVersion')}</dt>
                <dd>{k.policyVersion}</dd>
              </dl>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">{t('noticeText')}</summary>
                <p lang={k.locale} className="mt-2 whitespace-pre-line">
                  {k.notice.text}
                </p>
              </details>
            </li>
          ))}
        </ol>
        {data.withdrawals.length > 0 && (
          <>
            <h3 className="mt-6 text-xl font-bold">{t('withdrawalsTitle')}</h3>
            <ul className="mt-2 list-disc pl-5">
              {data.withdrawals.map((w) => (
                <li key={w.createdAt.toISOString() + w.purposes.join()}>
                  {date(w.createdAt)}: {list(w.purposes.map(purpose))} ({t('withdrawnBy', { source: w.source })})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="mails" className="mt-8">
        <h2 id="mails" className="text-2xl font-bold">
          {t('mailsTitle')}
        </h2>
        <ul className="mt-3 list-disc pl-5">
          {data.mails.map((m, i) => (
            <li key={i}>
              {t('mailTemplate', { template: m.template.replaceAll('-', '_') })}: {t('mailState', { status: m.status })}
              {m.sentAt ? ` (${date(m.sentAt)})` : ` (${date(m.createdAt)})`}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sharings" className="mt-8">
        <h2 id="sharings" className="text-2xl font-bold">
          {t('sharingsTitle')}
        </h2>
        <p className="mt-2">{t('sharingsHelp')}</p>
        {data.sharings.length === 0 ? (
          <p className="mt-3">{t('sharingsNone')}</p>
        ) : (
          <DataTable caption={t('sharingsCaption')} columns={[t('activityWhen'), t('sharingsOrganization'), t('sharingsPurpose')]}>
            {data.sharings.map((sharing, i) => (
              <tr key={i} className="border-b border-slate-200">
                <td className="p-2 whitespace-nowrap">{date(sharing.createdAt)}</td>
                <td className="p-2">{t('sharingsWho', { name: sharing.organization, country: sharing.country, receivesAs: sharing.receivesAs })}</td>
                <td className="p-2">{sharing.purpose}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="activity" className="mt-8">
        <h2 id="activity" className="text-2xl font-bold">
          {t('activityTitle')}
        </h2>
        <p className="mt-2">{t('activityHelp')}</p>
        {data.activity.length === 0 ? (
          <p className="mt-3">{t('activityNone')}</p>
        ) : (
          <DataTable caption={t('activityCaption')} columns={[t('activityWhen'), t('activityWhat'), t('activityWho')]}>
            {data.activity.map((a, i) => (
              <tr key={i} className="border-b border-slate-200">
                <td className="p-2 whitespace-nowrap">{date(a.createdAt)}</td>
                <td className="p-2">{t(`activity.${activityKey(a.action)}`, { format: a.format ?? '—' })}</td>
                <td className="p-2">{t('who', { by: a.by, name: a.staffName ?? '' })}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="delete-heading" id="delete" className="mt-8 rounded border border-red-800 p-4">
        <h2 className="text-2xl font-bold" id="delete-heading">
          {t('deleteTitle')}
        </h2>
        {query.problem === 'deleteNotConfirmed' && (
          <p role="alert" className="mt-3 rounded border border-red-700 bg-red-50 p-3 text-red-900">
            {t('deleteNotConfirmed')}
          </p>
        )}
        <p className="mt-2">{t('deleteHelp')}</p>
        <form action={action} className="mt-3">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="confirm" value="yes" required />
            {t('deleteConfirm')}
          </label>
          <button type="submit" name="intent" value="delete" className="mt-3 rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900">
            {t('deleteButton')}
          </button>
        </form>
      </section>

      <form action={action} className="mt-8">
        <button type="submit" name="intent" value="signout" className={primary}>
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
