import type { Locale } from './routing';
import type messages from '../../messages/en.json';
import type { formats } from './formats';

// Typed message keys: a missing or misspelt key is a compile error.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
    Formats: typeof formats;
  }
}
