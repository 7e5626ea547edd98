import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { agencyEmail } from '@/lib/site';
import { joinAudiences, mailtoHref } from '@/lib/join';
import { Container } from '@/components/ui/Container';
import { ButtonLink } from '@/components/ui/ButtonLink';

const reasons = ['demand', 'together', 'evidence'] as const;

export async function JoinPage({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Join' });
  const o = await getTranslations({ locale, namespace: 'Options.program' });
  const mailFor = (subject: string) => mailtoHref(agencyEmail, subject, t('mail.body'));
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-12 sm:py-16">
          <h1 className="text-4xl font-bold tracking-tight text-brand-800 sm:text-5xl">{t('title')}</h1>
          <p className="mt-5 max-w-3xl text-lg text-slate-800">{t('intro')}</p>
        </Container>
      </div>

      <Container className="py-12">
        <section aria-labelledby="why">
          <h2 id="why" className="text-3xl font-bold tracking-tight text-brand-800">
            {t('whyHeading')}
          </h2>
          <ul className="mt-6 grid gap-6 md:grid-cols-3">
            {reasons.map((reason) => (
              <li key={reason} className="border-l-4 border-accent-500 pl-4 text-lg text-slate-800">
                {t(`why.${reason}`)}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="who" className="mt-16">
          <h2 id="who" className="text-3xl font-bold tracking-tight text-brand-800">
            {t('whoHeading')}
          </h2>
          <ul className="mt-8 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {joinAudiences.map(({ key, program }) => (
              <li key={key} className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
                <h3 className="text-xl font-bold text-brand-800">{t(`audiences.${key}.title`)}</h3>
                <p className="mt-3 flex-1 text-slate-700">{t(`audiences.${key}.text`)}</p>
                <div className="mt-5 flex flex-col gap-3">
                  <ButtonLink href={mailFor(t('mail.subject', { audience: t(`audiences.${key}.as`) }))} variant="outline">
                    {t('email')}
                    <span className="sr-only"> {t('emailAs', { audience: t(`audiences.${key}.as`) })}</span>
                  </ButtonLink>
                  <a
                    href={`/${locale}/programs/${program}`}
                    className="text-center text-brand-700 underline underline-offset-4 hover:text-brand-800"
                  >
                    {t('related', { program: o(program) })}
                  </a>
                </div>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="how" className="mt-16 rounded-2xl bg-brand-800 p-6 text-white sm:p-10">
          <h2 id="how" className="text-3xl font-bold tracking-tight">
            {t('howHeading')}
          </h2>
          <ol className="mt-6 flex list-decimal flex-col gap-3 pl-6 text-lg text-brand-50 marker:font-bold marker:text-accent-500">
            <li>{t('how.write', { email: agencyEmail })}</li>
            <li>{t('how.reply')}</li>
          </ol>
          <ButtonLink href={mailFor(t('mail.subjectGeneric'))} variant="primary" className="mt-8 wrap-anywhere">
            {agencyEmail}
          </ButtonLink>
        </section>

        <p className="mt-12 text-lg">
          {t('candidates')}{' '}
          <a href={`/${locale}/talent`} className="font-bold text-brand-700 underline underline-offset-4">
            {t('candidatesLink')}
          </a>
        </p>
      </Container>
    </>
  );
}
