import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { filterKeys, type CandidateFilters } from '@/lib/candidates/filters';
import type { PartnerOption } from '@/lib/partners/list';
import type { ExportRequestField, ExportRequestValues } from '@/lib/export/request';
import { StaffField } from '@/components/staff/StaffField';

const button = 'inline-block rounded border border-brand-700 px-4 py-2 text-brand-700 hover:bg-brand-50';

/**
 * The export form: a plain GET form to the export URL (the download starts with or without JavaScript), carrying the
 * current filters and asking for the partner organization it is for and the purpose. When the URL refuses, it sends
 * the browser back here with `errors` and what was typed (`values`).
 */
export async function ExportForm(props: {
  locale: Locale;
  filters: CandidateFilters;
  partners: PartnerOption[];
  values: ExportRequestValues;
  errors: Partial<Record<ExportRequestField, string>>;
  isAdmin: boolean;
}) {
  const { locale, filters, partners, values, errors } = props;
  const t = await getTranslations({ locale, namespace: 'StaffCandidates' });
  const kinds = await getTranslations({ locale, namespace: 'StaffPartners' });
  const hidden = filterKeys.flatMap((key) => {
    const value = filters[key];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((v, i) => <input key={`${key}-${i}`} type="hidden" name={key} value={v} />);
  });
  const hasErrors = Object.keys(errors).length > 0;
  const error = (field: ExportRequestField) => errors[field] && t(`exportErrors.${errors[field] as 'organizationRequired'}`);
  return (
    <section aria-labelledby="export" className="mt-8 rounded border border-slate-200 p-4">
      <h2 id="export" className="text-lg font-bold">
        {t('export')}
      </h2>
      <p className="mt-1 text-sm">{t('exportNote')}</p>
      {partners.length === 0 ? (
        <p className="mt-3">
          {t('exportNoPartners')}{' '}
          {props.isAdmin && (
            <a className="text-brand-700 underline" href={`/${locale}/staff/partners`}>
              {t('exportAddPartner')}
            </a>
          )}
        </p>
      ) : (
        <form method="get" action="/api/staff/candidates/export" noValidate className="mt-3 grid max-w-xl gap-4">
          {hasErrors && (
            <div role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-bold">{t('exportErrorSummary')}</p>
            </div>
          )}
          <input type="hidden" name="locale" value={locale} />
          {hidden}
          <StaffField id="export-organization" label={t('exportOrganization')} hint={t('exportOrganizationHelp')} hintAfter error={error('organization')}>
            {(control) => (
              <select {...control} name="organization" required defaultValue={partners.some((p) => p.id === values.organization) ? values.organization : ''}>
                <option value="">{t('exportChoose')}</option>
                {partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {t('exportPartnerOption', { name: p.name, kind: kinds(`kinds.${p.kind}`), country: p.country, receivesAs: kinds(`receivesAsOptions.${p.receivesAs}`) })}
                  </option>
                ))}
              </select>
            )}
          </StaffField>
          <StaffField id="export-purpose" label={t('exportPurpose')} hint={t('exportPurposeHelp')} hintAfter error={error('purpose')}>
            {(control) => <input {...control} name="purpose" required maxLength={500} defaultValue={values.purpose} autoComplete="off" />}
          </StaffField>
          {errors.format && (
            <p id="export-format-error" className="text-sm text-red-800">
              {error('format')}
            </p>
          )}
          <div className="flex flex-wrap gap-4">
            <button type="submit" name="format" value="csv" className={button}>
              {t('exportCsv')}
            </button>
            <button type="submit" name="format" value="xlsx" className={button}>
              {t('exportXlsx')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
