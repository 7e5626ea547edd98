import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { consentNotice } from '@/lib/consent/notice';
import { initialSignUpState, type SignUpFormState } from '@/lib/candidates/form-state';
import type { ProgramSlug } from '@/lib/programs/slugs';
import { TalentForm, type SignUpAction } from './TalentForm';
import { talentFormText } from './talent-form-text';

/**
 * The sign-up page's content: what Bilingual Talent is, and the form. Only the form is a client component, and
 * it receives its own strings, already formatted in the page's language, not the catalogue.
 */
export async function TalentSignUp(props: {
  locale: Locale;
  action: SignUpAction;
  /** A program to tick in advance (from `?program=`). */
  preselectedProgram?: ProgramSlug;
  /** The form as it came back from the server (no-JavaScript error page). */
  state?: SignUpFormState;
}) {
  const { locale } = props;
  const t = await getTranslations({ locale, namespace: 'TalentPage' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  const text = await talentFormText(locale);
  const notice = consentNotice(locale);
  const state = props.state ?? initialSignUpState(props.preselectedProgram);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('intro')}</p>
      <p className="mt-2 text-slate-700">{t('howLong')}</p>
      {props.preselectedProgram && !props.state ? (
        <p className="mt-4 rounded bg-brand-50 px-4 py-3">
          {t('programChosen', { program: options(`program.${props.preselectedProgram}`) })}
        </p>
      ) : null}
      <TalentForm
        locale={locale}
        action={props.action}
        initialState={state}
        text={text}
        notice={{
          heading: notice.heading,
          paragraphs: notice.paragraphs,
          policyLink: notice.policyLink,
          checkboxLabel: notice.checkboxLabel,
          sha256: notice.sha256,
        }}
      />
    </div>
  );
}
