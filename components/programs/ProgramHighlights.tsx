import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { Program } from '@/lib/programs/data';

/** The few facts that tell programs apart at a glance: cost, length, levels, ages, age of the program. */
export async function ProgramHighlights({
  locale,
  program,
  className = '',
}: {
  locale: Locale;
  program: Program;
  className?: string;
}) {
  const t = await getTranslations({ locale, namespace: 'Programs' });
  const { offer, audience } = program;
  const items: string[] = [];
  if (offer.cost) items.push(t(`cost.${offer.cost}`));
  if (offer.durationMonths !== undefined) items.push(t('detail.durationValue', { months: offer.durationMonths }));
  if (offer.levels) items.push(t('detail.levelsValue', offer.levels));
  if (audience.ages) items.push(t('detail.agesValue', audience.ages));
  if (program.since !== undefined) items.push(t('detail.sinceValue', { year: String(program.since) }));
  if (items.length === 0) return null;
  return (
    <ul className={`flex flex-wrap gap-2 ${className}`}>
      {items.map((item) => (
        <li key={item} className="rounded-full bg-white px-3 py-1 text-sm text-brand-800 ring-1 ring-inset ring-brand-100">
          {item}
        </li>
      ))}
    </ul>
  );
}
