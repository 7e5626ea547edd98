import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { programs } from '@/lib/programs/data';
import { Container } from '@/components/ui/Container';
import { ProgramCard } from '@/components/programs/ProgramCard';
import { JoinBand } from '@/components/JoinBand';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/programs'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Programs.index' });
  return pageMetadata({ locale, path: '/programs', title: t('title'), description: t('description') });
}

export default async function ProgramsPage({ params }: PageProps<'/[locale]/programs'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Programs.index' });
  const home = await getTranslations({ locale, namespace: 'Home.join' });
  return (
    <>
      <div className="border-b border-brand-100 bg-brand-50">
        <Container className="py-12 sm:py-16">
          <h1 className="text-4xl font-bold tracking-tight text-brand-800 sm:text-5xl">{t('title')}</h1>
          <p className="mt-5 max-w-3xl text-lg text-slate-800">{t('intro')}</p>
        </Container>
      </div>
      <Container className="py-12">
        <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {programs.map((program) => (
            <li key={program.slug}>
              <ProgramCard locale={locale} program={program} headingLevel="h2" />
            </li>
          ))}
        </ul>
      </Container>
      <JoinBand
        id="join"
        heading={t('joinText')}
        text={home('text')}
        href={`/${locale}/join`}
        link={t('joinLink')}
      />
    </>
  );
}
