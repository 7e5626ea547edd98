import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { PartnerFormText } from './PartnerForm';

/** The partner form's words in `locale`, for the add and the edit page. */
export async function partnerFormText(locale: Locale, submit: 'add' | 'save'): Promise<PartnerFormText> {
  const t = await getTranslations({ locale, namespace: 'StaffPartners' });
  const login = await getTranslations({ locale, namespace: 'StaffLogin' });
  const errorKeys = ['nameRequired', 'nameTooLong', 'nameTaken', 'kindInvalid', 'countryRequired', 'countryInvalid', 'receivesAsInvalid', 'agreementTooLong'] as const;
  return {
    name: t('name'),
    kind: t('kind'),
    kinds: { employer: t('kinds.employer'), training_provider: t('kinds.training_provider'), public_body: t('kinds.public_body'), other: t('kinds.other') },
    country: t('country'),
    countryHelp: t('countryHelp'),
    receivesAs: t('receivesAs'),
    receivesAsOptions: {
      processor: { label: t('receivesAsOptions.processor'), help: t('receivesAsOptions.processorHelp') },
      controller: { label: t('receivesAsOptions.controller'), help: t('receivesAsOptions.controllerHelp') },
    },
    agreementReference: t('agreementReference'),
    agreementHelp: t('agreementHelp'),
    submit: submit === 'add' ? t('add') : t('save'),
    errorSummary: t('errorSummary'),
    unavailable: login('unavailable'),
    saved: t.raw('saved') as string,
    errors: Object.fromEntries(errorKeys.map((k) => [k, t(`errors.${k}`)])),
  };
}
