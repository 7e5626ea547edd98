import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { agencyEmail, mailSender, senderAddress } from '@/lib/site';
import { confirmLinkDays } from '@/lib/candidates/link-settings';
import { englishLevels, type EnglishLevel } from '@/lib/candidates/options';
import { recommend } from '@/lib/finder/recommend';

// Served at /{locale}/talent/thanks by proxy.ts, only with the cookie a sign-up sets (lib/candidates/thanks-cookie.ts),
// from the prerendered page for the English level given; anyone else is sent to the form. The same page for every
// sign-up of a level, new email or known: it must not tell anyone whether an address was registered. It says what
// happens next (a confirmation mail, from which address, valid how long) and suggests programs for the level.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => englishLevels.map((level) => ({ locale, level })));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/talent/thanks/[level]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'TalentThanks' });
  return pageMetadata({ locale, path: '/talent/thanks', title: t('metaTitle'), noIndex: true });
}

export default async function TalentThanksPage({ params }: PageProps<'/[locale]/talent/thanks/[level]'>) {
  const { locale, level } = (await params) as { locale: Locale; level: string };
  if (!(englishLevels as readonly string[]).includes(level)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'TalentThanks' });
  const finder = await getTranslations({ locale, namespace: 'Finder' });
  const programs = await getTranslations({ locale, namespace: 'Options.program' });
  const levels = await getTranslations({ locale, namespace: 'Options.englishLevel' });
  // People who sign up are adults (the form checks it) looking for work or better English.
  const { suggestions } = recommend({ level: level as EnglishLevel, age: '18to45', goal: 'job', pay: 'any' });
  const programSuggestions = suggestions.flatMap((s) => (s.kind === 'program' ? [s] : []));
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('received')}</p>
      <h2 className="mt-8 text-2xl font-bold">{t('nextHeading')}</h2>
      <ol className="mt-3 flex list-decimal flex-col gap-3 pl-6">
        <li>{t('check', { sender: senderAddress(mailSender), days: confirmLinkDays })}</li>
        <li>{t('when')}</li>
        <li>{t('next')}</li>
      </ol>
      <p className="mt-4">{t('known')}</p>
      <p className="mt-4">
        {t('notArrived')}{' '}
        <a className="text-brand-700 underline" href={`/${locale}/confirm/new`}>
          {t('newLink')}
        </a>
      </p>
      <section aria-labelledby="thanks-suggestions" className="mt-8 rounded-2xl bg-brand-50 p-6">
        <h2 id="thanks-suggestions" className="text-2xl font-bold">
          {t('suggestionsHeading', { level: levels(`${level as EnglishLevel}.label`) })}
        </h2>
        {programSuggestions.length > 0 ? (
          <ul className="mt-3 flex flex-col gap-4" data-testid="thanks-suggestions">
            {programSuggestions.map((s) => (
              <li key={s.slug}>
                <a className="inline-flex min-h-11 items-center font-bold text-brand-700 underline" href={`/${locale}/programs/${s.slug}`}>
                  {programs(s.slug)}
                </a>
                <p className="text-slate-800">{finder(`why.${s.why}`)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3" data-testid="thanks-suggestions">
            {t('readyForJobs')}
          </p>
        )}
      </section>
      <p className="mt-6">
        {t.rich('rights', {
          email: agencyEmail,
          mydata: (chunks) => (
            <a className="text-brand-700 underline" href={`/${locale}/my-data`}>
              {chunks}
            </a>
          ),
          mail: (chunks) => (
            <a className="text-brand-700 underline" href={`mailto:${agencyEmail}`}>
              {chunks}
            </a>
          ),
        })}
      </p>
      <ul className="mt-6 flex flex-col gap-1">
        <li>
          <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/${locale}/programs`}>
            {t('programs')}
          </a>
        </li>
        <li>
          <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/${locale}`}>
            {t('home')}
          </a>
        </li>
      </ul>
    </div>
  );
}
