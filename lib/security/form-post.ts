import 'server-only';

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
