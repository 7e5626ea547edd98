import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Container } from '@/components/ui/Container';

export async function HomeHero({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Home' });
  return (
    <div className="relative isolate overflow-hidden bg-brand-800 text-white">
      <svg
        aria-hidden="true"
        focusable="false"
        className="absolute -right-24 -top-24 -z-10 size-[28rem] text-brand-700 sm:size-[36rem]"
        viewBox="0 0 200 200"
      >
        <circle cx="100" cy="100" r="100" fill="currentColor" />
        <circle cx="100" cy="100" r="62" fill="none" stroke="#f2a900" strokeOpacity="0.35" strokeWidth="10" />
      </svg>
      <Container className="py-16 sm:py-24">
        <p className="text-sm font-bold uppercase tracking-widest text-accent-500">{t('eyebrow')}</p>
        <h1 className="mt-4 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-6xl">{t('title')}</h1>
        <p className="mt-6 max-w-2xl text-lg text-brand-50 sm:text-xl">{t('intro')}</p>
        <div className="mt-10 flex flex-col gap-4 sm:flex-row">
          <ButtonLink href={`/${locale}/talent`} variant="primary" className="text-lg">
            {t('cta.signUp')}
          </ButtonLink>
          <ButtonLink href={`/${locale}/programs`} variant="inverse" className="text-lg">
            {t('cta.programs')}
          </ButtonLink>
        </div>
        <p className="mt-6 max-w-2xl text-sm text-brand-100">{t('cta.note')}</p>
      </Container>
    </div>
  );
}
