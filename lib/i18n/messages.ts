import 'server-only';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import type { Locale } from './routing';

/**
 * Both languages' messages, for server code that writes text outside a request's next-intl config (exports,
 * the consent notice, the no-JavaScript fallback page), so the same code runs in tests.
 */
export const messages: Record<Locale, typeof en> = { en, es };
