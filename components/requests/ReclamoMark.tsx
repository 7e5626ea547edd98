import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { requestSubjects, type RequestSubject } from '@/lib/requests/schema';

/**
 * The legend Ley 1581 art. 15 asks for while a reclamo is being handled, with its reason: "Reclamo en trámite",
 * in Spanish in both languages (it is the law's own term), and the subject in the page's language.
 */
export async function ReclamoMark(props: { locale: Locale; subject: string; detail?: string; href?: string; compact?: boolean }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Requests' });
  const subject = (requestSubjects as readonly string[]).includes(props.subject) ? t(`subject.${props.subject as RequestSubject}`) : props.subject;
  const label = t('markReason', { reason: subject });
  if (props.compact) {
    return <strong className="mt-1 block w-fit rounded border border-amber-700 bg-amber-50 px-1 text-xs text-amber-950">{label}</strong>;
  }
  return (
    <div role="note" className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-3 text-amber-950">
      <p className="font-bold">{props.href ? <a href={props.href} className="underline">{label}</a> : label}</p>
      <p className="mt-1 text-sm">{t('markHelp')}</p>
      {props.detail && <p className="mt-2 whitespace-pre-line text-sm">{props.detail}</p>}
    </div>
  );
}
