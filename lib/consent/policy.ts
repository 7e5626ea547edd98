// The privacy policy in force. Every consent record stores `privacyPolicy.version`, and /{locale}/privacy shows
// the same version and effective date: change them together whenever the policy or the notice changes.
export const privacyPolicy = {
  version: '1.0',
  /** ISO date (America/Bogota) from which this version applies. */
  effectiveDate: '2026-11-23',
} as const;

/**
 * What a candidate authorizes, stored with each consent. The notice shown above the checkbox names the same
 * purposes in words (messages `ConsentNotice`).
 */
export const consentPurposes = ['training-offers', 'job-opportunities', 'share-with-partners'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
