import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { englishLevels, interestOptions, programOptions } from '@/lib/candidates/options';
import { optionalColumns, type CandidateFilters as Filters, type ListView } from '@/lib/candidates/filters';
import { municipalityChoices, outsideValle } from '@/lib/municipalities';

const field = 'flex flex-col gap-1';
const input = 'rounded border border-slate-500 px-3 py-2';

/** A GET form: the filters land in the query string, so a search can be bookmarked and shared by staff. */
export async function CandidateFilters({ locale, filters, view }: { locale: Locale; filters: Filters; view: ListView }) {
  const t = await getTranslations({ locale, namespace: 'StaffCandidates' });
  const options = await getTranslations({ locale, namespace: 'Options' });
  return (
    <form method="get" action={`/${locale}/staff/candidates`} className="mt-6 rounded border border-slate-200 p-4">
      <h2 className="text-lg font-bold">{t('filters')}</h2>
      <div className="mt-3 grid gap-4 md:grid-cols-3">
        <div className={field}>
          <label htmlFor="f-q">{t('q')}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={100} className={input} />
        </div>
        <div className={field}>
          <label htmlFor="f-municipality">{t('municipality')}</label>
          <select id="f-municipality" name="municipality" defaultValue={filters.municipality ?? ''} className={input}>
            <option value="">{t('any')}</option>
            {municipalityChoices.map((m) => (
              <option key={m.code} value={m.code}>
                {m.label}
              </option>
            ))}
            <option value={outsideValle}>{options('municipalityOther')}</option>
          </select>
        </div>
        <div className={field}>
          <label htmlFor="f-consent">{t('consent')}</label>
          <select id="f-consent" name="consent" defaultValue={filters.consent ?? ''} className={input}>
            <option value="">{t('any')}</option>
            <option value="pending">{t('consentPending')}</option>
            <option value="active">{t('consentActive')}</option>
            <option value="revoked">{t('consentRevoked')}</option>
          </select>
        </div>
        <div className={field}>
          <label htmlFor="f-interest">{t('interest')}</label>
          <select id="f-interest" name="interest" defaultValue={filters.interest ?? ''} className={input}>
            <option value="">{t('any')}</option>
            {interestOptions.map((i) => (
              <option key={i} value={i}>
                {options(`interest.${i}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="f-program">{t('program')}</label>
          <select id="f-program" name="program" defaultValue={filters.program ?? ''} className={input}>
            <option value="">{t('any')}</option>
            {programOptions.map((p) => (
              <option key={p} value={p}>
                {options(`program.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div className={field}>
            <label htmlFor="f-from">{t('from')}</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ''} className={input} />
          </div>
          <div className={field}>
            <label htmlFor="f-to">{t('to')}</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ''} className={input} />
          </div>
        </div>
        <div className={field}>
          <label htmlFor="f-levelMin">{t('levelMin')}</label>
          <select id="f-levelMin" name="levelMin" defaultValue={filters.levelMin ?? ''} className={input}>
            <option value="">{t('any')}</option>
            {englishLevels.map((level) => (
              <option key={level} value={level}>
                {options(`englishLevel.${level}.label`)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div className={field}>
            <label htmlFor="f-ageMin">{t('ageMin')}</label>
            <input id="f-ageMin" name="ageMin" type="number" min={14} max={99} inputMode="numeric" defaultValue={filters.ageMin ?? ''} className={input} />
          </div>
          <div className={field}>
            <label htmlFor="f-ageMax">{t('ageMax')}</label>
            <input id="f-ageMax" name="ageMax" type="number" min={14} max={99} inputMode="numeric" defaultValue={filters.ageMax ?? ''} className={input} />
          </div>
        </div>
        <fieldset className="md:col-span-3">
          <legend>{t('englishLevel')}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {englishLevels.map((level) => (
              <label key={level} className="flex items-center gap-2">
                <input type="checkbox" name="englishLevel" value={level} defaultChecked={filters.englishLevel?.includes(level) ?? false} />
                {options(`englishLevel.${level}.label`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <fieldset className="mt-4">
        <legend>{t('columns')}</legend>
        {/* Present even with every box unticked: "exactly these columns" (lib/candidates/filters.ts, parseListView). */}
        <input type="hidden" name="cols" value="" />
        <div className="mt-1 flex flex-wrap gap-4">
          {optionalColumns.map((column) => (
            <label key={column} className="flex items-center gap-2">
              <input type="checkbox" name="cols" value={column} defaultChecked={view.columns.includes(column)} />
              {t(`column.${column}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {/* The sort chosen in the table's headers stays when the filters change; the position does not. */}
      {view.sort !== 'signedUp' && <input type="hidden" name="sort" value={view.sort} />}
      <input type="hidden" name="dir" value={view.dir} />
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
          {t('apply')}
        </button>
        <a href={`/${locale}/staff/candidates`} className="text-brand-700 underline">
          {t('clear')}
        </a>
      </div>
    </form>
  );
}
