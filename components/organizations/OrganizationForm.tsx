import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import {
  messageMaxLength,
  organizationFields,
  organizationHoneypot,
  organizationKinds,
  organizationPurposes,
  type OrganizationField,
} from '@/lib/organizations/fields';
import { Choice, ChoiceGroup, CheckboxField, ErrorSummary, Honeypot, noScriptAutofocus, SelectField, TextAreaField, TextField } from '@/components/ui/FormFields';
import { emptyOrganizationValues, type OrganizationFormState } from '@/lib/organizations/form-state';

const id = (name: string) => `org-${name}`;
const firstInputOf = (field: OrganizationField) => (field === 'purposes' ? `purposes-${organizationPurposes[0]}` : field);
const dateLocales: Record<Locale, string> = { es: 'es-CO', en: 'en-US' };

/**
 * The organizations' form: plain HTML posting to /{locale}/join/submit (proxy.ts answers it), the same with or
 * without JavaScript, so it needs no script at all. Sent back with errors, it is filled in as it was posted, its
 * error summary first, focused (autofocus), each error next to its field.
 */
export async function OrganizationForm({ locale, state }: { locale: Locale; state?: OrganizationFormState }) {
  const t = await getTranslations({ locale, namespace: 'OrganizationForm' });
  const values = state?.values ?? emptyOrganizationValues();
  const fieldErrors = state?.fieldErrors ?? {};
  const errors = organizationFields.flatMap((field) => (fieldErrors[field] ? [{ field, key: fieldErrors[field] }] : []));
  // Each field's id, and its error in the page's language.
  const fieldStatus = (field: OrganizationField) => {
    const key = fieldErrors[field];
    return { id: id(field), error: key && t(`errors.${key}`), errorPrefix: t('errorPrefix') };
  };
  const retryTime = state?.retryAt
    ? new Intl.DateTimeFormat(dateLocales[locale], { hour: 'numeric', minute: '2-digit', timeZone: 'America/Bogota' }).format(new Date(state.retryAt))
    : '';
  const statusMessage =
    state?.status === 'rateLimited'
      ? t('status.rateLimited', { time: retryTime })
      : state?.status === 'unavailable' || state?.status === 'tooLarge'
        ? t(`status.${state.status}`)
        : null;

  return (
    <form
      id="organization-form"
      action={`/${locale}/join/submit`}
      method="post"
      noValidate
      aria-labelledby="organization-form-heading"
      className="flex flex-col gap-6"
    >
      {statusMessage ? (
        <div role="alert" tabIndex={-1} {...noScriptAutofocus} className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-800">
          <p>{statusMessage}</p>
        </div>
      ) : null}
      {errors.length > 0 ? (
        // Focused on arrival so a screen reader reads it, unless the status above has taken the focus.
        <ErrorSummary
          id={id('summary')}
          heading={t('errorSummary', { count: errors.length })}
          errors={errors.map(({ field, key }) => ({ target: id(firstInputOf(field)), message: t(`errors.${key!}`) }))}
          autofocus={!statusMessage}
        />
      ) : null}

      <TextField {...fieldStatus('organization')} label={t('organization.label')} name="organization" type="text" autoComplete="organization" required defaultValue={values.organization} />

      <SelectField {...fieldStatus('kind')} label={t('kind.label')} name="kind" required defaultValue={values.kind}>
        <option value="">{t('kind.placeholder')}</option>
        {organizationKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind.options.${kind}`)}
          </option>
        ))}
      </SelectField>

      <TextField {...fieldStatus('contactName')} label={t('contactName.label')} name="contactName" type="text" autoComplete="name" required defaultValue={values.contactName} />

      <TextField
        {...fieldStatus('email')}
        label={t('email.label')}
        name="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        required
        defaultValue={values.email}
      />

      <TextField {...fieldStatus('phone')} label={t('phone.label')} hint={t('phone.hint')} name="phone" type="tel" autoComplete="tel" required defaultValue={values.phone} />

      <ChoiceGroup {...fieldStatus('purposes')} legend={t('purposes.legend')} hint={t('purposes.hint')} gap="gap-1">
        {organizationPurposes.map((purpose) => (
          <Choice
            key={purpose}
            id={id(`purposes-${purpose}`)}
            label={t(`purposes.options.${purpose}`)}
            rowClass="min-h-11"
            name="purposes"
            type="checkbox"
            value={purpose}
            aria-invalid={fieldErrors.purposes ? true : undefined}
            defaultChecked={values.purposes.includes(purpose)}
          />
        ))}
      </ChoiceGroup>

      <TextAreaField
        {...fieldStatus('message')}
        label={`${t('message.label')} (${t('optional')})`}
        hint={t('message.hint', { max: messageMaxLength })}
        name="message"
        rows={5}
        defaultValue={values.message}
      />

      <Honeypot id={id(organizationHoneypot)} name={organizationHoneypot} label={t('honeypot')} />

      <CheckboxField
        {...fieldStatus('consent')}
        label={t.rich('consent', {
          privacy: (chunks) => (
            <a className="text-brand-700 underline" href={`/${locale}/privacy`}>
              {chunks}
            </a>
          ),
        })}
        name="consent"
        required
        defaultChecked={values.consent}
      />

      <div>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-6 py-2.5 font-bold text-white hover:bg-brand-800">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
