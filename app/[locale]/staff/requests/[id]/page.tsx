import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { extendedDueDate, terms } from '@/lib/requests/deadlines';
import { getRequest } from '@/lib/requests/register';
import { infoReceivedAction, requestTextAction } from '@/lib/requests/actions';
import { requestContext, requireViewer, staffData, staffPageTitle } from '@/lib/staff/page';
import { StatusNotice } from '@/components/staff/DataTable';
import { RequestTextForm } from '@/components/requests/RequestTextForm';
import { dayDate } from '@/components/requests/RequestTable';
import { requestTextFormText } from '@/components/requests/request-text';

export async function generateMetadata({ params }: PageProps<'/[locale]/staff/requests/[id]'>): Promise<Metadata> {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  const t = await getTranslations({ locale, namespace: 'StaffRequests' });
  return pageMetadata({ locale, path: `/staff/requests/${id}`, title: await staffPageTitle(locale, t('title'), 'requests:manage'), noIndex: true });
}

const doneKeys = ['recorded', 'extended', 'infoAsked', 'infoReceived', 'answered', 'notAllowed'] as const;

export default async function StaffRequestPage({ params, searchParams }: PageProps<'/[locale]/staff/requests/[id]'>) {
  const { locale, id } = (await params) as { locale: Locale; id: string };
  setRequestLocale(locale);
  const path = `/staff/requests/${id}`;
  const viewer = await requireViewer(locale, path);
  const context = await requestContext();
  const request = await staffData(locale, path, () => getRequest(viewer, id, context));
  const { done } = await searchParams;
  const t = await getTranslations({ locale, namespace: 'StaffRequest' });
  const r = await getTranslations({ locale, namespace: 'Requests' });
  const format = await getFormatter({ locale });
  const moment = (date: Date) => format.dateTime(date, 'moment');
  const day = (value: string) => format.dateTime(dayDate(value), 'dueDay');
  const back = (
    <a href={`/${locale}/staff/requests`} className="text-brand-700 underline">
      {t('back')}
    </a>
  );
  if (!request) {
    return (
      <div>
        {back}
        <h1 className="mt-4 text-2xl font-bold">{t('notFound')}</h1>
      </div>
    );
  }
  const doneKey = doneKeys.find((k) => k === done);
  const handling = request.status === 'open' || request.status === 'awaiting_info';
  const action = (change: 'extend' | 'ask-info' | 'answer') => requestTextAction.bind(null, locale, change, request.id);
  const details: [string, React.ReactNode][] = [
    [
      t('candidate'),
      request.candidateId ? (
        <a className="text-brand-700 underline" href={`/${locale}/staff/candidates/${request.candidateId}`}>
          {request.candidateName}
        </a>
      ) : (
        (await getTranslations({ locale, namespace: 'StaffRequests' }))('deleted')
      ),
    ],
    [t('kind'), r(`kind.${request.kind}`)],
    [t('subject'), r(`subject.${request.subject}`)],
    [t('channel'), r(`channel.${request.channel as 'email'}`)],
    [t('receivedAt'), moment(request.receivedAt)],
    [t('recordedBy'), request.recordedByName ?? t('recordedByCandidate')],
    [t('status'), r(`status.${request.status}`)],
    [t('firstDue'), day(request.firstDue)],
    [t('due'), <span key="due">{day(request.due)}{request.deadline && <strong className="ml-2">({r(`deadline.${request.deadline}`)})</strong>}</span>],
  ];

  return (
    <div>
      {back}
      <h1 className="mt-4 text-3xl font-bold">{t('title', { reference: request.reference })}</h1>
      {doneKey && <StatusNotice tone={doneKey === 'notAllowed' ? 'warning' : 'success'}>{t(`done.${doneKey}`)}</StatusNotice>}

      <section aria-labelledby="details" className="mt-6">
        <h2 id="details" className="text-xl font-bold">
          {t('details')}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-bold">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {request.description && (
          <>
            <h3 className="mt-4 font-bold">{t('description')}</h3>
            <p className="mt-1 max-w-3xl whitespace-pre-line rounded border border-slate-300 p-3">{request.description}</p>
          </>
        )}
        <ul className="mt-4 flex max-w-3xl flex-col gap-2">
          {request.extendedAt && <li>{t('extended', { date: moment(request.extendedAt), reason: request.extensionReason ?? '' })}</li>}
          {request.infoRequestDue && <li>{t('infoRequestDue', { date: day(request.infoRequestDue) })}</li>}
          {request.infoRequestedAt && <li className="whitespace-pre-line">{t('infoAsked', { date: moment(request.infoRequestedAt), missing: request.infoMissing ?? '' })}</li>}
          {request.withdrawnFrom && <li>{t('withdrawnFrom', { date: day(request.withdrawnFrom) })}</li>}
          {request.infoReceivedAt && <li>{t('infoReceivedAt', { date: moment(request.infoReceivedAt) })}</li>}
        </ul>
        {request.answer && (
          <>
            <h3 className="mt-4 font-bold">{t('answer')}</h3>
            <p className="mt-1 max-w-3xl whitespace-pre-line rounded border border-slate-300 p-3">{request.answer}</p>
          </>
        )}
        {request.closedAt && (
          <p className="mt-3">
            {request.selfService
              ? t('closedBySelf', { date: moment(request.closedAt) })
              : request.closedByName
                ? t('closedBy', { name: request.closedByName, date: moment(request.closedAt) })
                : r(`status.${request.status}`)}
          </p>
        )}
      </section>

      {handling && (
        <section aria-labelledby="actions" className="mt-8 flex flex-col gap-6 rounded border border-slate-300 p-4">
          <h2 id="actions" className="text-xl font-bold">
            {t('actions')}
          </h2>
          {request.canExtend && (
            <RequestTextForm
              id="extend-reason"
              name="reason"
              action={action('extend')}
              text={await requestTextFormText(
                locale,
                t('extendLabel'),
                t('extendSubmit'),
                t('extendHint', { extra: terms[request.kind].extension, date: day(extendedDueDate(request.kind, request.firstDue)) }),
              )}
            />
          )}
          {request.kind === 'reclamo' && request.status === 'open' && !request.infoRequestedAt && (
            <RequestTextForm id="ask-missing" name="missing" action={action('ask-info')} text={await requestTextFormText(locale, t('askLabel'), t('askSubmit'), t('askHint'))} />
          )}
          {request.status === 'awaiting_info' && (
            <form action={infoReceivedAction.bind(null, locale, request.id)}>
              <button type="submit" className="rounded border border-brand-700 px-4 py-2 text-brand-700 hover:bg-brand-50">
                {t('infoReceived')}
              </button>
            </form>
          )}
          <RequestTextForm id="answer-text" name="answer" action={action('answer')} text={await requestTextFormText(locale, t('answerLabel'), t('answerSubmit'))} />
        </section>
      )}
    </div>
  );
}
