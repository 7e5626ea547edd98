import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { Locale } from '@/lib/i18n/routing';
import { logger } from '@/lib/log';
import { readFormData } from '@/lib/security/form-post';
import { unsubscribe } from './links';

// RFC 8058 one-click unsubscribe: a POST to the List-Unsubscribe address whose body is `List-Unsubscribe=One-Click`
// (form-encoded or multipart). The token in the address is the whole credential, so no cookie, origin or CSRF check
// applies (the mail provider posts from its own servers). Answered with a short plain text in the mail's language;
// the same for a token already used (the consent stays withdrawn), 404 for one that never existed.

const texts = {
  es: { done: 'Listo: ya no te escribiremos sobre esto.', invalid: 'Este enlace no es válido.', unavailable: 'No pudimos hacerlo ahora. Inténtalo de nuevo en unos minutos.' },
  en: { done: 'Done: we will not write to you about this again.', invalid: 'This link is not valid.', unavailable: 'We could not do it right now. Please try again in a few minutes.' },
} as const;

function text(status: number, body: string, extra: Record<string, string> = {}) {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra } });
}

export async function handleOneClickUnsubscribe(request: Request, locale: Locale): Promise<Response> {
  const t = texts[locale];
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const form = await readFormData(request, 4_096);
  if (typeof form === 'string' || form.get('List-Unsubscribe') !== 'One-Click') {
    return text(400, 'Expected the body List-Unsubscribe=One-Click (RFC 8058).');
  }
  try {
    const outcome = await unsubscribe(token, 'list-unsubscribe');
    if (outcome === 'invalid') return text(404, t.invalid);
    return text(200, t.done);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return text(503, t.unavailable, { 'Retry-After': '60' });
    logger.error({ event: 'unsubscribe.failed', err: error }, 'one-click unsubscribe failed');
    return text(500, t.unavailable);
  }
}
