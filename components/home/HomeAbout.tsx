import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { Container } from '@/components/ui/Container';
import { SectionHeading } from '@/components/ui/Section';

const steps = ['form', 'consent', 'news'] as const;

export async function HomeAbout({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Home.about' });
  return (
    <section aria-labelledby="about" className="py-16 sm:py-20">
      <Container className="grid gap-10 lg:grid-cols-2 lg:gap-16">
        <div>
          <SectionHeading id="about">{t('heading')}</SectionHeading>
          <p className="mt-5 text-lg leading-relaxed">{t('purpose')}</p>
          <p className="mt-4 leading-relaxed text-slate-700">{t('origin')}</p>
        </div>
        <div className="rounded-2xl bg-brand-50 p-6 sm:p-8">
          <h3 className="text-xl font-bold text-brand-800">{t('stepsHeading')}</h3>
          <ol className="mt-6 flex flex-col gap-6">
            {steps.map((step, index) => (
              <li key={step} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white"
                >
                  {index + 1}
                </span>
                <div>
                  <p className="font-bold text-ink">{t(`steps.${step}.title`)}</p>
                  <p className="mt-1 text-slate-700">{t(`steps.${step}.text`)}</p>
                </div>
              </li>
            ))}
          </ol>
        </div>
      </Container>
    </section>
  );
}
