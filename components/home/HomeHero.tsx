import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Container } from '@/components/ui/Container';
import { Illustration } from '@/components/ui/Illustration';
import heroArt from '@/components/art/hero.svg';

/**
 * Short on a phone on purpose: the finder right under it must start on the first screen (375 × 667), so the hero
 * is a title and one sentence there; wider screens also get the illustration.
 */
export async function HomeHero({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Home' });
  return (
    <div className="relative isolate overflow-hidden bg-brand-800 text-white">
      <Container className="grid items-center gap-8 py-5 sm:py-12 md:grid-cols-[minmax(0,1fr)_18rem] lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div>
          <p className="text-sm font-bold uppercase tracking-widest text-accent-500">{t('eyebrow')}</p>
          <h1 className="mt-2 text-[1.75rem] leading-tight font-bold tracking-tight text-balance sm:mt-4 sm:text-5xl sm:leading-none">{t('title')}</h1>
          <p className="mt-3 max-w-2xl text-base text-brand-50 sm:mt-5 sm:text-xl">{t('intro')}</p>
        </div>
        <Illustration src={heroArt} className="hidden h-auto w-full md:block" />
      </Container>
    </div>
  );
}
