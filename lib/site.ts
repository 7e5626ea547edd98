// Facts about the site itself, shared by metadata, the sitemap and the contact paths.
// Both are read at build time: prerendered pages carry them.
import { parseBuildConfig } from './config/env';

const build = parseBuildConfig({
  SITE_URL: process.env.SITE_URL,
  AGENCY_EMAIL: process.env.AGENCY_EMAIL,
  AGENCY_ADDRESS: process.env.AGENCY_ADDRESS,
  AGENCY_PHONE: process.env.AGENCY_PHONE,
  AGENCY_TAX_ID: process.env.AGENCY_TAX_ID,
  AGENCY_REQUESTS_AREA: process.env.AGENCY_REQUESTS_AREA,
  AGENCY_WEBSITE: process.env.AGENCY_WEBSITE,
  AGENCY_SOCIAL_LINKS: process.env.AGENCY_SOCIAL_LINKS,
  MAIL_FROM: process.env.MAIL_FROM,
});

export const siteUrl = build.SITE_URL.replace(/\/$/, '');

/**
 * Where candidates exercise their rights and organizations ask to join. The agency's texts invite
 * contact "by e-mail" without giving the address, so it is configurable; this default is a placeholder
 * the agency must confirm before launch.
 */
export const agencyEmail = build.AGENCY_EMAIL;

/** The agency's contact details for the footer and the contact paths (build-time configuration). */
export const agency = {
  email: build.AGENCY_EMAIL,
  address: build.AGENCY_ADDRESS,
  phone: build.AGENCY_PHONE,
  taxId: build.AGENCY_TAX_ID,
  requestsArea: build.AGENCY_REQUESTS_AREA,
  website: build.AGENCY_WEBSITE,
  socialLinks: build.AGENCY_SOCIAL_LINKS,
};

const socialNetworks: [RegExp, string][] = [
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
  [/(^|\.)(x|twitter)\.com$/, 'X'],
  [/(^|\.)facebook\.com$/, 'Facebook'],
  [/(^|\.)youtube\.com$/, 'YouTube'],
];

/** The name of the network a profile address belongs to, or its host. */
export function socialLinkName(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return socialNetworks.find(([pattern]) => pattern.test(host))?.[1] ?? host;
}

/**
 * Who the mails come from (MAIL_FROM, read at build time for the pages that name it and at run time by the
 * mailer: set it the same for both). Unset: the agency's name and address.
 */
export const mailSender = build.MAIL_FROM ?? `Talento Bilingüe - Invest Pacific <${agencyEmail}>`;

/** The address alone, as pages show it. */
export function senderAddress(sender: string): string {
  return /<([^>]+)>/.exec(sender)?.[1] ?? sender;
}
