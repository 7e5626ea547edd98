import type { ReactNode } from 'react';
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
  const errorOf = (field: OrganizationField) => fieldErrors[field];
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const errorText = (field: OrganizationField) => {
    const key = errorOf(field);
    return key ? (
      <p id={id(`${field}-error`)} className="mt-1 text-sm text-red-700">
        <span className="sr-only">{t('errorPrefix')} </span>
        {t(`errors.${key}`)}
      </p>
    ) : null;
  };
  const inputClass = (field: OrganizationField) =>
    `mt-1 block w-full rounded border px-3 py-2 text-base ${errorOf(field) ? 'border-red-700' : 'border-slate-500'}`;
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
        <div role="alert" tabIndex={-1} {...autofocus} className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-800">
          <p>{statusMessage}</p>
        </div>
      ) : null}
      {errors.length > 0 ? (
        // Named by its first line (aria-labelledby needs a role); focused on arrival so a screen reader reads it.
        <div role="group" aria-labelledby={id('summary')} tabIndex={-1} {...(statusMessage ? {} : autofocus)} className="rounded border-l-4 border-red-700 bg-red-50 px-4 py-3">
          <p id={id('summary')} className="text-red-800">
            {t('errorSummary', { count: errors.length })}
          </p>
          <ul className="mt-2 list-disc pl-6 text-red-800">
            {errors.map(({ field, key }) => (
              <li key={field}>
                <a className="underline" href={`#${id(firstInputOf(field))}`}>
                  {t(`errors.${key!}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <Field label={t('organization.label')} htmlFor={id('organization')}>
        <input
          id={id('organization')}
          name="organization"
          type="text"
          autoComplete="organization"
          required
          aria-invalid={errorOf('organization') ? true : undefined}
          aria-describedby={describedBy(errorOf('organization') && id('organization-error'))}
          defaultValue={values.organization}
          className={inputClass('organization')}
        />
        {errorText('organization')}
      </Field>

      <Field label={t('kind.label')} htmlFor={id('kind')}>
        <select
          id={id('kind')}
          name="kind"
          required
          aria-invalid={errorOf('kind') ? true : undefined}
          aria-describedby={describedBy(errorOf('kind') && id('kind-error'))}
          defaultValue={values.kind}
          className={`${inputClass('kind')} bg-white`}
        >
          <option value="">{t('kind.placeholder')}</option>
          {organizationKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.options.${kind}`)}
            </option>
          ))}
        </select>
        {errorText('kind')}
      </Field>

      <Field label={t('contactName.label')} htmlFor={id('contactName')}>
        <input
          id={id('contactName')}
          name="contactName"
          type="text"
          autoComplete="name"
          required
          aria-invalid={errorOf('contactName') ? true : undefined}
          aria-describedby={describedBy(errorOf('contactName') && id('contactName-error'))}
          defaultValue={values.contactName}
          className={inputClass('contactName')}
        />
        {errorText('contactName')}
      </Field>

      <Field label={t('email.label')} htmlFor={id('email')}>
        <input
          id={id('email')}
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          aria-invalid={errorOf('email') ? true : undefined}
          aria-describedby={describedBy(errorOf('email') && id('email-error'))}
          defaultValue={values.email}
          className={inputClass('email')}
        />
        {errorText('email')}
      </Field>

      <Field label={t('phone.label')} htmlFor={id('phone')} hint={t('phone.hint')} hintId={id('phone-hint')}>
        <input
          id={id('phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          required
          aria-invalid={errorOf('phone') ? true : undefined}
          aria-describedby={describedBy(id('phone-hint'), errorOf('phone') && id('phone-error'))}
          defaultValue={values.phone}
          className={inputClass('phone')}
        />
        {errorText('phone')}
      </Field>

      <fieldset aria-describedby={describedBy(id('purposes-hint'), errorOf('purposes') && id('purposes-error'))}>
        <legend>{t('purposes.legend')}</legend>
        <p id={id('purposes-hint')} className="mt-1 text-sm text-slate-700">
          {t('purposes.hint')}
        </p>
        {errorText('purposes')}
        <div className="mt-3 flex flex-col gap-1">
          {organizationPurposes.map((purpose) => (
            <div key={purpose} className="flex min-h-11 items-center gap-3">
              <input
                id={id(`purposes-${purpose}`)}
                name="purposes"
                type="checkbox"
                value={purpose}
                aria-invalid={errorOf('purposes') ? true : undefined}
                defaultChecked={values.purposes.includes(purpose)}
                className="h-5 w-5 shrink-0 accent-brand-700"
              />
              <label htmlFor={id(`purposes-${purpose}`)}>{t(`purposes.options.${purpose}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <Field label={`${t('message.label')} (${t('optional')})`} htmlFor={id('message')} hint={t('message.hint', { max: messageMaxLength })} hintId={id('message-hint')}>
        <textarea
          id={id('message')}
          name="message"
          rows={5}
          aria-invalid={errorOf('message') ? true : undefined}
          aria-describedby={describedBy(id('message-hint'), errorOf('message') && id('message-error'))}
          defaultValue={values.message}
          className={inputClass('message')}
        />
        {errorText('message')}
      </Field>

      {/* A trap for robots: out of sight, out of the tab order and hidden from assistive technology. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={id(organizationHoneypot)}>{t('honeypot')}</label>
        <input id={id(organizationHoneypot)} type="text" name={organizationHoneypot} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div>
        <div className="flex items-start gap-3">
          <input
            id={id('consent')}
            name="consent"
            type="checkbox"
            value="yes"
            required
            aria-invalid={errorOf('consent') ? true : undefined}
            aria-describedby={describedBy(errorOf('consent') && id('consent-error'))}
            defaultChecked={values.consent}
            className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
          />
          <label htmlFor={id('consent')}>
            {t.rich('consent', {
              privacy: (chunks) => (
                <a className="text-brand-700 underline" href={`/${locale}/privacy`}>
                  {chunks}
                </a>
              ),
            })}
          </label>
        </div>
        {errorText('consent')}
      </div>

      <div>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-6 py-2.5 font-bold text-white hover:bg-brand-800">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}

// React renders `autoFocus` as a script-driven focus; the plain attribute works without JavaScript.
const autofocus = { autofocus: '' } as Record<string, string>;

function Field(props: { label: string; htmlFor: string; hint?: string; hintId?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.htmlFor}>{props.label}</label>
      {props.hint ? (
        <p id={props.hintId} className="text-sm text-slate-700">
          {props.hint}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}
