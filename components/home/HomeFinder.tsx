import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Container } from '@/components/ui/Container';
import { FinderForm } from '@/components/finder/FinderForm';

export async function HomeFinder({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Finder' });
  return (
    <section aria-labelledby="finder" className="border-b border-slate-200 bg-white">
      <Container className="py-6 sm:py-10">
        <h2 id="finder" className="mb-4 text-2xl font-bold sm:mb-0 tracking-tight text-brand-800 sm:text-3xl">
          {t('heading')}
        </h2>
        <p className="mt-2 mb-5 hidden max-w-3xl text-slate-700 sm:block">{t('intro')}</p>
        <FinderForm locale={locale} />
      </Container>
    </section>
  );
}
