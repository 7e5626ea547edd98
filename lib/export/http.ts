import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { routing, type Locale } from '@/lib/i18n/routing';
import { logger } from '@/lib/log';
import { clientAddress } from '@/lib/security/client-address';
import { parseCandidateFilters } from '@/lib/candidates/filters';
import { sessionTokenFromCookieHeader } from '@/lib/staff/cookie';
import { ForbiddenError, UnauthorizedError, verifySessionToken } from '@/lib/staff/session';
import { exportCandidates, exportFormats, type ExportFormat } from './candidates';

// GET /api/staff/candidates/export?format=csv|xlsx&locale=es|en&<filters>. The route file only calls this,
// so it is tested directly with a Request.

const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

function json(status: number, body: Record<string, unknown>, extra: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...noStore, ...extra } });
}

export async function handleExportRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const viewer = await verifySessionToken(sessionTokenFromCookieHeader(request.headers));
    if (!viewer) return json(401, { error: 'unauthorized', message: 'Sign in at /{locale}/staff/login first.' });
    // The session cookie is SameSite=Lax, which still rides on a top-level GET from another site: refuse
    // downloads started by another site's link.
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      return json(403, { error: 'forbidden', message: 'Exports must be started from the staff pages.' });
    }
    const format = url.searchParams.get('format') as ExportFormat | null;
    if (!format || !exportFormats.includes(format)) {
      return json(400, { error: 'bad-format', message: 'format must be csv or xlsx' });
    }
    const requested = url.searchParams.get('locale');
    const locale: Locale = routing.locales.find((l) => l === requested) ?? routing.defaultLocale;
    const { filters, ignored } = parseCandidateFilters(url.searchParams);
    const result = await exportCandidates(viewer, {
      format,
      filters,
      locale,
      ipAddress: clientAddress(request.headers),
    });
    return new Response(result.stream, {
      status: 200,
      headers: {
        ...noStore,
        'Content-Type': result.contentType,
        'Content-Disposition': `attachment; filename="${result.filename}"`,
        'X-Export-Rows': String(result.rowCount),
        ...(ignored.length ? { 'X-Ignored-Filters': ignored.join(',') } : {}),
      },
    });
  } catch (error) {
    if (error instanceof UnauthorizedError) return json(401, { error: 'unauthorized' });
    if (error instanceof ForbiddenError) return json(403, { error: 'forbidden', message: 'Your role may not export candidates.' });
    if (isDatabaseUnavailable(error)) {
      return json(503, { error: 'unavailable', message: 'The database is unavailable. Try again in a few minutes.' }, { 'Retry-After': '30' });
    }
    logger.error({ err: error }, 'candidate export failed');
    return json(500, { error: 'internal' });
  }
}
