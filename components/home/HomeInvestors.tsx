import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Container } from '@/components/ui/Container';
import { ContentReviewed } from '@/components/facts/ContentReviewed';

/** One line for investors and employers, leading to the page with the region's figures. */
export async function HomeInvestors({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Home.investors' });
  return (
    <section aria-labelledby="investors" className="border-t border-slate-200 py-10">
      <Container>
        <h2 id="investors" className="text-xl font-bold text-brand-800">
          {t('heading')}
        </h2>
        <p className="mt-2 text-lg">
          {t('text')}{' '}
          <a href={`/${locale}/investors`} className="inline-flex min-h-11 items-center font-bold text-brand-700 underline underline-offset-4">
            {t('link')}
          </a>
        </p>
        <ContentReviewed locale={locale} className="mt-4" />
      </Container>
    </section>
  );
}
