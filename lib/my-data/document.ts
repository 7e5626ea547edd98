import 'server-only';
import { createTranslator } from 'next-intl';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { municipalityName, outsideValle } from '@/lib/municipalities';
import { agencyEmail } from '@/lib/site';
import type { MyData } from './data';

// The copy a candidate downloads: everything My data shows, as JSON (for machines, field names in English) or as
// a readable HTML page in their language (no scripts, no outside resources: it opens anywhere, offline).

export interface MyDataFile {
  body: string;
  filename: string;
  contentType: string;
}

/** Which message describes an audit action on the candidate's page. */
export function activityKey(action: string) {
  const keys: Record<
    string,
    'view' | 'staffRevoke' | 'confirm' | 'open' | 'download' | 'update' | 'revoke' | 'export' | 'pipelineView' | 'pipelineChange' | 'refer' | 'interested' | 'unsubscribe'
  > = {
    'candidate.view': 'view',
    'candidate.consent-revoke': 'staffRevoke',
    'candidate.confirm': 'confirm',
    'candidate.my-data-open': 'open',
    'candidate.my-data-download': 'download',
    'candidate.my-data-update': 'update',
    'candidate.my-data-revoke': 'revoke',
    'candidates.export': 'export',
    'opportunity.pipeline-view': 'pipelineView',
    'opportunity.pipeline-change': 'pipelineChange',
    'opportunity.refer': 'refer',
    'candidate.opportunity-interested': 'interested',
    'candidate.unsubscribe': 'unsubscribe',
  };
  return keys[action] ?? 'other';
}

export function myDataFile(data: MyData, locale: Locale, format: 'json' | 'html', now = new Date()): MyDataFile {
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'json') {
    const body = JSON.stringify(
      { generatedAt: now.toISOString(), controller: { name: 'Invest Pacific', email: agencyEmail }, ...data },
      null,
      2,
    );
    return { body, filename: `my-data-${stamp}.json`, contentType: 'application/json; charset=utf-8' };
  }
  return { body: readable(data, locale, now), filename: `my-data-${stamp}.html`, contentType: 'text/html; charset=utf-8' };
}

function escape(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function readable(data: MyData, locale: Locale, now: Date): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'MyData' });
  const when = new Intl.DateTimeFormat(`${locale}-CO`, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Bogota' });
  const date = (value: Date | null) => (value ? when.format(value) : '—');
  const place = (code: string) => (code === outsideValle ? messages[locale].Options.municipalityOther : (municipalityName(code) ?? code));
  const list = (values: string[]) => (values.length ? values.join(', ') : t('none'));
  const purpose = (p: string) => (t.has(`purposes.${p as 'training-offers'}`) ? t(`purposes.${p as 'training-offers'}`) : p);
  const c = data.candidate;
  const rows = (pairs: [string, string][]) => pairs.map(([k, v]) => `<tr><th scope="row">${escape(k)}</th><td>${escape(v)}</td></tr>`).join('');
  const table = (caption: string, head: string[], body: string[][]) =>
    `<table><caption>${escape(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${body
      .map((r) => `<tr>${r.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const sections = [
    `<h2>${escape(t('detailsTitle'))}</h2><table>${rows([
      [t('email'), c.email],
      [t('fullName'), c.fullName],
      [t('phone'), c.phone],
      [t('municipality'), place(c.municipality)],
      [t('birthYear'), String(c.birthYear)],
      [t('englishLevel'), c.englishLevel],
      [t('interests'), list(c.interests)],
      [t('programs'), list(c.programs)],
      [t('language'), c.locale],
      [t('status'), t('statusValue', { status: c.status })],
      [t('consentPurposes'), list(c.consentPurposes.map(purpose))],
      [t('confirmedAt'), date(c.confirmedAt)],
      [t('signedUpAt'), date(c.createdAt)],
      [t('updatedAt'), date(c.updatedAt)],
    ])}</table>`,
    `<h2>${escape(t('submissionsTitle'))}</h2>${table(
      t('submissionsCaption'),
      [t('submittedAt'), t('submissionState'), t('email'), t('fullName'), t('phone'), t('municipality'), t('birthYear'), t('englishLevel'), t('interests'), t('programs')],
      data.submissions.map((s) => [
        date(s.createdAt),
        `${s.pending ? t('submissionPending') : s.confirmedAt ? t('submissionConfirmed') : t('submissionApplied')} · ${t('submissionOrigin', { origin: s.origin === 'my-data' ? 'my_data' : 'sign_up' })}`,
        s.email,
        s.fullName,
        s.phone,
        place(s.municipality),
        String(s.birthYear),
        s.englishLevel,
        list(s.interests),
        list(s.programs),
      ]),
    )}`,
    `<h2>${escape(t('consentsTitle'))}</h2>${data.consents
      .map(
        (k) => `<section><table>${rows([
          [t('consentGiven'), date(k.givenAt)],
          [t('consentFrom'), `${k.ipAddress ?? '—'} · ${k.userAgent ?? '—'}`],
          [t('consentConfirmedAt'), date(k.confirmedAt)],
          [t('consentConfirmedFrom'), k.confirmedAt ? `${k.confirmIpAddress ?? '—'} · ${k.confirmUserAgent ?? '—'}` : '—'],
          [t('consentRevokedAt'), k.revokedAt ? date(k.revokedAt) : t('notWithdrawn')],
          [t('consentPurposes'), list(k.purposes.map(purpose))],
          [t('policyVersion'), k.policyVersion],
        ])}</table><h3>${escape(t('noticeText'))}</h3><pre lang="${escape(k.locale)}">${escape(k.notice.text)}</pre></section>`,
      )
      .join('')}`,
    `<h2>${escape(t('withdrawalsTitle'))}</h2>${table(t('withdrawalsTitle'), [t('activityWhen'), t('consentPurposes'), t('activityWho')], data.withdrawals.map((w) => [date(w.createdAt), list(w.purposes.map(purpose)), t('withdrawnBy', { source: w.source })]))}`,
    `<h2>${escape(t('mailsTitle'))}</h2>${table(t('mailsCaption'), [t('mailQueuedAt'), t('activityWhat'), t('mailSentAt')], data.mails.map((m) => [date(m.createdAt), `${t('mailTemplate', { template: m.template.replaceAll('-', '_') })} · ${t('mailState', { status: m.status })}`, date(m.sentAt)]))}`,
    `<h2>${escape(messages[locale].CandidateOpportunities.title)}</h2>${table(
      messages[locale].CandidateOpportunities.title,
      [t('activityWhen'), t('opportunityTitle'), t('activityWhat'), t('opportunityNote')],
      data.opportunities.flatMap((o) => {
        const title = (locale === 'en' ? o.titleEn : o.titleEs) || o.slug;
        const status = createTranslator({ locale, messages: messages[locale], namespace: 'PipelineStatus' });
        const announced = o.announcedAt ? [[date(o.announcedAt), title, status('announced', { kind: o.kind }), '']] : [];
        return [...announced, ...o.history.map((e) => [date(e.at), title, status(e.status, { kind: o.kind }), e.note ?? ''])];
      }),
    )}`,
    `<h2>${escape(t('sharingsTitle'))}</h2>${data.sharings.length ? table(t('sharingsCaption'), [t('activityWhen'), t('sharingsOrganization'), t('sharingsPurpose')], data.sharings.map((s) => [date(s.createdAt), t('sharingsWho', { name: s.organization, country: s.country, receivesAs: s.receivesAs }), s.purpose])) : `<p>${escape(t('sharingsNone'))}</p>`}`,
    `<h2>${escape(t('activityTitle'))}</h2>${table(t('activityCaption'), [t('activityWhen'), t('activityWhat'), t('activityWho')], data.activity.map((a) => [date(a.createdAt), t(`activity.${activityKey(a.action)}`, { format: a.format ?? '—' }), t('who', { by: a.by, name: a.staffName ?? '' })]))}`,
  ];
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escape(t('documentTitle'))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#1f2933}table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold}pre{white-space:pre-wrap;background:#f4f5f7;padding:1rem}</style>
</head><body><h1>${escape(t('documentTitle'))}</h1><p>${escape(t('documentGenerated', { date: when.format(now), email: agencyEmail }))}</p>
${sections.join('\n')}</body></html>`;
}
