import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { privacyPolicy } from '@/lib/consent/policy';
import { agencyEmail } from '@/lib/site';

/** The full policy the consent notice links to, with the version every consent record stores. */
export async function PrivacyPolicy({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'PrivacyPolicy' });
  const format = await getFormatter({ locale });
  // Noon in Bogotá: the date reads the same in every time zone.
  const effective = format.dateTime(new Date(`${privacyPolicy.effectiveDate}T12:00:00-05:00`), { dateStyle: 'long' });
  const withEmail = (key: 'controller.body' | 'procedure.body') =>
    t.rich(key, {
      email: agencyEmail,
      mail: (chunks) => (
        <a className="text-brand-700 underline" href={`mailto:${agencyEmail}`}>
          {chunks}
        </a>
      ),
    });
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 leading-relaxed">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('version', { version: privacyPolicy.version, date: effective })}</p>
      <p className="mt-4">{t('intro')}</p>

      <Section title={t('controller.heading')}>
        <p>{withEmail('controller.body')}</p>
      </Section>
      <Section title={t('data.heading')}>
        <p>{t('data.body')}</p>
        <p>{t('data.limits')}</p>
      </Section>
      <Section title={t('purposes.heading')}>
        <ul className="list-disc pl-6">
          <li>{t('purposes.training')}</li>
          <li>{t('purposes.jobs')}</li>
          <li>{t('purposes.sharing')}</li>
        </ul>
      </Section>
      <Section title={t('sharing.heading')}>
        <p>{t('sharing.body')}</p>
      </Section>
      <Section title={t('rights.heading')}>
        <p>{t('rights.intro')}</p>
        <ul className="list-disc pl-6">
          {(['know', 'update', 'rectify', 'proof', 'informed', 'complain', 'revoke', 'delete'] as const).map((right) => (
            <li key={right}>{t(`rights.${right}`)}</li>
          ))}
        </ul>
      </Section>
      <Section title={t('procedure.heading')}>
        <p>{withEmail('procedure.body')}</p>
        <p>{t('procedure.queries')}</p>
        <p>{t('procedure.claims')}</p>
        <p>{t('procedure.sic')}</p>
      </Section>
      <Section title={t('retention.heading')}>
        <p>{t('retention.body')}</p>
      </Section>
      <Section title={t('changes.heading')}>
        <p>{t('changes.body')}</p>
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{title}</h2>
      <div className="mt-2 flex flex-col gap-3">{children}</div>
    </section>
  );
}
