import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { agencyEmail } from '@/lib/site';
import { joinAudiences } from '@/lib/join';
import type { OrganizationFormState } from '@/lib/organizations/form-state';
import { Container } from '@/components/ui/Container';
import { SectionHeading } from '@/components/ui/Section';
import { OrganizationForm } from '@/components/organizations/OrganizationForm';

const reasons = ['demand', 'together', 'evidence'] as const;

/** `state`: the form as it came back from the server with errors (/join/review); absent on the static page. */
export async function JoinPage({ locale, state }: { locale: Locale; state?: OrganizationFormState }) {
  const t = await getTranslations({ locale, namespace: 'Join' });
  const o = await getTranslations({ locale, namespace: 'Options.program' });
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
          <SectionHeading id="why">{t('whyHeading')}</SectionHeading>
          <ul className="mt-6 grid gap-6 md:grid-cols-3">
            {reasons.map((reason) => (
              <li key={reason} className="border-l-4 border-accent-500 pl-4 text-lg text-slate-800">
                {t(`why.${reason}`)}
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="who" className="mt-16">
          <SectionHeading id="who">{t('whoHeading')}</SectionHeading>
          <ul className="mt-8 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {joinAudiences.map(({ key, program }) => (
              <li key={key} className="flex flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
                <h3 className="text-xl font-bold text-brand-800">{t(`audiences.${key}.title`)}</h3>
                <p className="mt-3 flex-1 text-slate-700">{t(`audiences.${key}.text`)}</p>
                <a
                  href={`/${locale}/programs/${program}`}
                  className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4 hover:text-brand-800"
                >
                  {t('related', { program: o(program) })}
                </a>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="organization-form-heading" className="mt-16 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-10">
          <SectionHeading id="organization-form-heading">{t('formHeading')}</SectionHeading>
          <p className="mt-3 max-w-2xl text-lg text-slate-800">{t('formIntro')}</p>
          <div className="mt-8 max-w-2xl">
            <OrganizationForm locale={locale} state={state} />
          </div>
          <p className="mt-8 text-slate-700">
            {t('orWrite')}{' '}
            <a className="font-bold text-brand-700 underline underline-offset-4 wrap-anywhere" href={`mailto:${agencyEmail}`}>
              {agencyEmail}
            </a>
          </p>
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
