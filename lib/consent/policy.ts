// The privacy policy in force. Every consent record stores `privacyPolicy.version`, and /{locale}/privacy shows
// the same version and effective date: change them together whenever the policy or the notice changes.
//
// The consent notice's text is the evidence (its SHA-256 is stored with each consent): a change to its wording is a
// new version here. tests/unit/privacy-notices.test.ts pins the notice's hash per version under the default
// configuration and fails until both are changed together.
export const privacyPolicy = {
  version: '2.0',
  /** ISO date (America/Bogota) from which this version applies to new sign-ups. */
  effectiveDate: '2026-12-03',
  /**
   * From when it applies to people who signed up under an earlier version: after the mail announcing it
   * (lib/consent/policy-change.ts), sent when this version is first deployed.
   */
  existingCandidatesFrom: '2026-12-18',
} as const;

/**
 * What a candidate authorizes, stored with each consent. The notice shown above the checkbox names the same
 * purposes in words (messages `ConsentNotice`).
 */
export const consentPurposes = ['training-offers', 'job-opportunities', 'share-with-partners'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
