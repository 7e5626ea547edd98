import type { Formats } from 'next-intl';

// Named date formats for next-intl's formatter (`format.dateTime(date, 'moment')`), which writes them in the
// page's language and the site's time zone (lib/i18n/request.ts).
export const formats = {
  dateTime: {
    /** A day: the candidate list. */
    day: { dateStyle: 'medium' },
    /** A day, written out: since when the second factor is on. */
    longDay: { dateStyle: 'long' },
    /** A day with its weekday: legal due dates (business days). */
    dueDay: { dateStyle: 'full' },
    /** A day and a time to the minute: sign-ups, consents, sign-ins. */
    moment: { dateStyle: 'medium', timeStyle: 'short' },
    /** To the second, compact: the audit log. */
    logged: { dateStyle: 'short', timeStyle: 'medium' },
  },
} satisfies Formats;
