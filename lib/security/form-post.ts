import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { Locale } from '@/lib/i18n/routing';

/**
 * Whether a form post comes from this site, as Next checks for server actions: the host of the Origin header
 * against x-forwarded-host or host. A browser that sends no Origin is let through (older browsers, some
 * privacy settings); a cross-site page cannot post in the person's name.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The posted form, refusing bodies over `limit` bytes before parsing them: a declared length over the limit is
 * refused without reading, and a body without one is counted as it streams.
 */
export async function readFormData(request: Request, limit: number): Promise<FormData | 'tooLarge' | 'unreadable'> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return 'tooLarge';
  if (!request.body) return 'unreadable';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return 'tooLarge';
    }
    chunks.push(value);
  }
  const type = request.headers.get('content-type') ?? '';
  try {
    if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
      // What a form without JavaScript sends: parsed as fetch's formData() does, without its Blob and stream.
      const form = new FormData();
      for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) form.append(name, value);
      return form;
    }
    return await new Response(new Blob(chunks as BlobPart[]), { headers: { 'Content-Type': type } }).formData();
  } catch {
    return 'unreadable';
  }
}

/**
 * A form posted without JavaScript, answered with its page again (filled in, with its errors) under `status`: proxy.ts
 * rewrites the post to `page.path`, with the form's state (`page.state`, already encoded) in the request header
 * `page.header`, which only the proxy can write (it deletes that header from every other request).
 */
export function formPageRewrite(request: NextRequest, page: { path: string; header: string; state: string }, status: number, retryAfterSeconds?: number): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(page.header, page.state);
  // Without a form content type Next renders the page instead of looking for a server action in the body.
  headers.delete('content-type');
  headers.delete('content-length');
  const target = request.nextUrl.clone();
  target.pathname = page.path;
  target.search = '';
  const response = NextResponse.rewrite(target, { status, request: { headers } });
  response.headers.set('Cache-Control', 'no-store');
  if (retryAfterSeconds) response.headers.set('Retry-After', String(retryAfterSeconds));
  return response;
}

/** A 303 to a page of the site, after a post (or instead of answering a GET to a post's address). */
export function seeOther(request: NextRequest, path: `/${Locale}/${string}`): NextResponse {
  // Next makes a same-origin Location relative on the way out: the Host header is the client's to write, so it
  // is never echoed back.
  const response = NextResponse.redirect(new URL(path, request.nextUrl), 303);
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
