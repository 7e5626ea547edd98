import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { revalidatePath, revalidateTag } from 'next/cache';
import { serverConfig } from '@/lib/config/env';
import { markPagesChanged } from '@/lib/security/script-hashes';
import { talentPoolTag } from './data';

/**
 * On-demand regeneration of the talent-pool page, for whoever holds TALENT_POOL_REVALIDATE_TOKEN. Unset, the
 * route does not exist (404). Nothing is read or returned: the next visit regenerates the page in the background.
 */
export async function answerTalentPoolRevalidation(request: Request): Promise<Response> {
  const token = serverConfig().TALENT_POOL_REVALIDATE_TOKEN;
  if (!token) return new Response(null, { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!sameSecret(given, token)) {
    return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  revalidateTag(talentPoolTag, { expire: 0 });
  revalidatePath('/[locale]/talent-pool', 'page');
  revalidatePath('/[locale]/talent-pool/aggregates.csv');
  // Should the next visit render the page itself rather than in the background, its scripts carry that request's
  // nonce (proxy.ts), as after a staff change to an opportunity.
  markPagesChanged();
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}

/** Compared as hashes, in constant time whatever the lengths. */
function sameSecret(given: string, expected: string): boolean {
  const hash = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(hash(given), hash(expected));
}
