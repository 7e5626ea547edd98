// Facts about the site itself, shared by metadata, the sitemap and the contact paths.
// Both are read at build time: prerendered pages carry them.
import { parseBuildConfig } from './config/env';

const build = parseBuildConfig({ SITE_URL: process.env.SITE_URL, AGENCY_EMAIL: process.env.AGENCY_EMAIL });

export const siteUrl = build.SITE_URL.replace(/\/$/, '');

/**
 * Where candidates exercise their rights and organizations ask to join. The agency's texts invite
 * contact "by e-mail" without giving the address, so it is configurable; this default is a placeholder
 * the agency must confirm before launch.
 */
export const agencyEmail = build.AGENCY_EMAIL;
