import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { PublicOpportunity } from '@/lib/opportunities/public';
import { municipalityLabel } from '@/lib/municipalities';

/** One opportunity in a list: what it is, for whom, when, and a link to its page. */
export async function OpportunityCard({ locale, opportunity, headingLevel = 2 }: { locale: Locale; opportunity: PublicOpportunity; headingLevel?: 2 | 3 }) {
  const t = await getTranslations({ locale, namespace: 'Opportunities' });
  const o = await getTranslations({ locale, namespace: 'Options' });
  const format = await getFormatter({ locale });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const facts: string[] = [];
  if (opportunity.kind === 'cohort') {
    if (opportunity.program) facts.push(o(`program.${opportunity.program as 'hello-valle'}`));
    if (opportunity.startsOn) facts.push(t('startsOn', { date: day(opportunity.startsOn) }));
    if (opportunity.mode) facts.push(t(`modes.${opportunity.mode}`));
  } else {
    if (opportunity.employerName) facts.push(opportunity.employerName);
    const places = opportunity.municipalities.map((c) => municipalityLabel(c) ?? c);
    if (opportunity.remote) places.push(t('remote'));
    if (places.length) facts.push(format.list(places, { type: 'conjunction' }));
    if (opportunity.closesOn) facts.push(t('closesOn', { date: day(opportunity.closesOn) }));
  }
  if (opportunity.minEnglishLevel) facts.push(t('minLevel', { level: opportunity.minEnglishLevel }));
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-sm font-bold text-brand-800">{t(`kinds.${opportunity.kind}`)}</p>
      <Heading className="mt-1 text-xl font-bold">
        <a className="text-brand-800 underline underline-offset-4 hover:text-brand-700" href={`/${locale}/opportunities/${opportunity.slug}`}>
          {opportunity.title[locale]}
        </a>
      </Heading>
      {facts.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-slate-700">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
