import 'server-only';

/**
 * Evidence from request headers, as text PostgreSQL accepts (no NUL) and that reads back as sent (no lone
 * surrogates, which would be stored as U+FFFD). Cut first, then cleaned: the cut may split a surrogate pair.
 */
export function storable(value: string | null, maxLength: number): string | null {
  return value === null ? null : value.slice(0, maxLength).replace(/[\p{Cc}\p{Cs}]/gu, '');
}

