import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { Program } from '@/lib/programs/data';
import { ProgramHighlights } from './ProgramHighlights';

/** A program in a grid: its name links to its page and the whole card is the click target. */
export async function ProgramCard({
  locale,
  program,
  headingLevel: Heading,
}: {
  locale: Locale;
  program: Program;
  headingLevel: 'h2' | 'h3';
}) {
  const t = await getTranslations({ locale, namespace: 'Programs' });
  const o = await getTranslations({ locale, namespace: 'Options.program' });
  const name = o(program.slug);
  return (
    <article className="group relative flex h-full flex-col rounded-2xl border border-slate-200 bg-white p-6 shadow-sm transition-shadow focus-within:shadow-md hover:shadow-md">
      <div aria-hidden="true" className="mb-4 h-1.5 w-12 rounded-full bg-accent-500" />
      <Heading className="text-xl font-bold text-brand-800">
        <a
          href={`/${locale}/programs/${program.slug}`}
          className="after:absolute after:inset-0 after:rounded-2xl after:content-[''] hover:underline"
        >
          {name}
        </a>
      </Heading>
      <p className="mt-3 flex-1 text-slate-700">{t(`items.${program.slug}.tagline`)}</p>
      <ProgramHighlights locale={locale} program={program} className="mt-5" />
      <p className="mt-5 text-sm font-bold text-brand-700" aria-hidden="true">
        {t('index.more', { name })} <span className="inline-block transition-transform group-hover:translate-x-1">→</span>
      </p>
    </article>
  );
}
