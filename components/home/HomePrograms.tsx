import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { programs } from '@/lib/programs/data';
import { Container } from '@/components/ui/Container';
import { ProgramCard } from '@/components/programs/ProgramCard';

export async function HomePrograms({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Home.programs' });
  return (
    <section aria-labelledby="programs" className="py-16 sm:py-20">
      <Container>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h2 id="programs" className="text-3xl font-bold tracking-tight text-brand-800">
              {t('heading')}
            </h2>
            <p className="mt-4 max-w-3xl text-lg text-slate-700">{t('intro')}</p>
          </div>
          <a
            href={`/${locale}/programs`}
            className="shrink-0 font-bold text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            {t('all')}
          </a>
        </div>
        <ul className="mt-10 grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {programs.map((program) => (
            <li key={program.slug}>
              <ProgramCard locale={locale} program={program} headingLevel="h3" />
            </li>
          ))}
        </ul>
      </Container>
    </section>
  );
}
