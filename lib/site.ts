// Facts about the site itself, shared by metadata, the sitemap and the contact paths.
// Both are read at build time: prerendered pages carry them.
export const siteUrl = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');

/**
 * Where candidates exercise their rights and organizations ask to join. The agency's texts invite
 * contact "by e-mail" without giving the address, so it is configurable; this default is a placeholder
 * the agency must confirm before launch.
 */
export const agencyEmail = process.env.AGENCY_EMAIL ?? 'talentobilingue@investpacific.org';
