import { serverConfig } from '@/lib/config/env';

// Read when a page is built: the prerendered thank-you and "check your email" pages name how long a confirmation
// link works. Set SIGNUP_CONFIRM_TTL_DAYS the same at build and run time (docs/mail.md).
export const confirmLinkDays = serverConfig().SIGNUP_CONFIRM_TTL_DAYS;
export const myDataLinkMinutes = serverConfig().MY_DATA_LINK_MINUTES;
