import 'server-only';
import { serverConfig } from '@/lib/config/env';

/**
 * The client's address, for rate limits and consent evidence. Behind a reverse proxy (nginx) the
 * address comes from X-Forwarded-For: only the hop the proxy itself appended (the last entry) is
 * trusted, since a client can write anything in the earlier ones. Set TRUST_PROXY=0 to ignore the header
 * when the app is reachable directly.
 */
export function clientAddress(headers: Headers): string | null {
  if (serverConfig().TRUST_PROXY === '1') {
    const forwarded = headers.get('x-forwarded-for');
    const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).pop();
    if (last) return normalize(last);
    const real = headers.get('x-real-ip')?.trim();
    if (real) return normalize(real);
  }
  return null;
}

function normalize(address: string): string {
  // IPv4-mapped IPv6 (::ffff:203.0.113.7) is the same client as 203.0.113.7.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').slice(0, 64);
}
