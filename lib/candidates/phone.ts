// Phone numbers as candidates type them → E.164, shared by the form (instant feedback) and the server.
// Min metadata: enough to validate lengths and prefixes per country, a fraction of the full set's size.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A Colombian mobile number without the country code: 3xx xxx xxxx. */
const colombianMobile = /^3\d{9}$/;

/**
 * The E.164 form of a Colombian mobile number (with or without +57) or of any valid number written in
 * international form (+ or 00 then the country code), or null. Colombian landlines are refused: the agency
 * reaches candidates by mobile (calls and WhatsApp).
 */
export function toE164(raw: string): string | null {
  let value = raw.trim().replace(/[\s().\-\u00a0]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  if (!value.startsWith('+')) {
    if (colombianMobile.test(value)) return `+57${value}`;
    if (/^57/.test(value) && colombianMobile.test(value.slice(2))) return `+${value}`;
    return null;
  }
  if (!/^\+\d{6,15}$/.test(value)) return null;
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed) return null;
  if (parsed.countryCallingCode === '57') {
    return colombianMobile.test(parsed.nationalNumber) ? parsed.number : null;
  }
  return parsed.isValid() ? parsed.number : null;
}

/**
 * A stored (E.164) number as staff read it: a Colombian mobile in the national grouping people dial and say
 * (310 987 6543), any other number in its international form (+1 415-555-2671). Anything else as it is.
 */
export function displayPhone(e164: string): string {
  const colombian = /^\+57(3\d{2})(\d{3})(\d{4})$/.exec(e164);
  if (colombian) return `${colombian[1]} ${colombian[2]} ${colombian[3]}`;
  const parsed = e164.startsWith('+') ? parsePhoneNumberFromString(e164) : undefined;
  return parsed ? parsed.formatInternational() : e164;
}
