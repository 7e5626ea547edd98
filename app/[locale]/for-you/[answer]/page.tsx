import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/seo/metadata';
import { answerSegments, parseAnswerSegment, type FinderAnswer as Answer } from '@/lib/finder/answers';
import { cohortsForAnswer } from '@/lib/finder/cohorts';
import { siteWallClock } from '@/lib/time-zone';
import { FinderAnswer } from '@/components/finder/FinderAnswer';

// One prerendered page per possible answer; proxy.ts serves it at /{locale}/for-you?level=…&age=…&goal=…&pay=….
export const dynamicParams = false;
// Static, with the suggested programs' upcoming cohorts: made again when staff publish, edit or close a cohort
// (lib/opportunities/revalidate.ts), and every five minutes (a cohort that has ended leaves the answer).
export const revalidate = 300;

export function generateStaticParams() {
  return answerSegments.map((answer) => ({ answer }));
}

type Params = { locale: Locale; answer: string };

export async function generateMetadata({ params }: PageProps<'/[locale]/for-you/[answer]'>): Promise<Metadata> {
  const { locale, answer } = (await params) as Params;
  const t = await getTranslations({ locale, namespace: 'Finder' });
  const organization = parseAnswerSegment(answer)?.goal === 'organization';
  // Canonical: the finder's own address; answers are not for search engines.
  return pageMetadata({
    locale,
    path: '/for-you',
    title: organization ? t('answer.organizationTitle') : t('answer.title'),
    description: t('meta.description'),
    noIndex: true,
  });
}

export default async function FinderAnswerPage({ params }: PageProps<'/[locale]/for-you/[answer]'>) {
  const { locale, answer } = (await params) as Params;
  setRequestLocale(locale);
  const parsed = parseAnswerSegment(answer) as Answer;
  const today = siteWallClock(new Date()).toISOString().slice(0, 10);
  return <FinderAnswer locale={locale} answer={parsed} cohorts={await cohortsForAnswer(parsed, today)} />;
}
