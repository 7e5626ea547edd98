import type { z } from 'zod';

// A no-JavaScript form's state travels from proxy.ts to the form's page in a request header (the sign-up's and the
// organizations': lib/candidates/no-js-page.ts, lib/organizations/form-state.ts). The proxy deletes that header
// from every request it did not write it on; the page still reads it as untrusted input, through the form's schema.
// Not server-only: it is pure, and the organizations' form state is also imported by their form.

/** The state as a header value (base64url: a header holds bytes, the values are whatever was typed). */
export function encodeHeaderState(state: unknown): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

/** The state a header carries, if it is one `schema` accepts; otherwise null. */
export function decodeHeaderState<T>(schema: z.ZodType<T>, value: string | null): T | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
