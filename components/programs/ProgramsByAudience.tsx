import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { initiativesForOrganizations, programsForPeople, type Program } from '@/lib/programs/data';
import { Container } from '@/components/ui/Container';
import { PageSection, SectionHeading } from '@/components/ui/Section';
import { ProgramHighlights } from '@/components/programs/ProgramHighlights';
import { ProgramNextStep } from '@/components/programs/ProgramNextStep';
import { Illustration } from '@/components/ui/Illustration';
import organizationsArt from '@/components/art/organizations.svg';

/** A program with its next step; the name links to its page. */
async function ProgramEntry({ locale, program }: { locale: Locale; program: Program }) {
  const t = await getTranslations({ locale, namespace: 'Programs' });
  const name = (await getTranslations({ locale, namespace: 'Options.program' }))(program.slug);
  return (
    <article className="flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <div aria-hidden="true" className="h-1.5 w-12 rounded-full bg-accent-500" />
      <h3 className="text-xl font-bold text-brand-800">
        <a href={`/${locale}/programs/${program.slug}`} className="underline-offset-4 hover:underline">
          {name}
        </a>
      </h3>
      <p className="flex-1 text-slate-700">{t(`items.${program.slug}.tagline`)}</p>
      <ProgramHighlights locale={locale} program={program} />
      <ProgramNextStep locale={locale} program={program} compact />
    </article>
  );
}

function ProgramList(props: { locale: Locale; programs: readonly Program[]; className: string }) {
  return (
    <ul className={`mt-8 grid gap-6 ${props.className}`}>
      {props.programs.map((program) => (
        <li key={program.slug}>
          <ProgramEntry locale={props.locale} program={program} />
        </li>
      ))}
    </ul>
  );
}

/** Programs a person can join, then, apart, the initiatives that schools, companies and other bodies join. */
export async function ProgramsByAudience({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Programs.groups' });
  return (
    <>
      <PageSection id="for-people" heading={t('peopleHeading')} className="py-12 sm:py-16">
        <p className="mt-3 max-w-3xl text-lg text-slate-700">{t('peopleIntro')}</p>
        <ProgramList locale={locale} programs={programsForPeople} className="md:grid-cols-2 lg:grid-cols-3" />
      </PageSection>
      <section aria-labelledby="for-organizations" className="bg-brand-50 py-12 sm:py-16">
        <Container>
          <div className="flex items-center justify-between gap-8">
            <div>
              <SectionHeading id="for-organizations">{t('organizationsHeading')}</SectionHeading>
              <p className="mt-3 max-w-3xl text-lg text-slate-800">{t('organizationsIntro')}</p>
            </div>
            <Illustration src={organizationsArt} className="hidden h-auto w-48 shrink-0 md:block" />
          </div>
          <ProgramList locale={locale} programs={initiativesForOrganizations} className="md:grid-cols-2" />
        </Container>
      </section>
    </>
  );
}
