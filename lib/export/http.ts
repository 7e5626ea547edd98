import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { routing, type Locale } from '@/lib/i18n/routing';
import { logger } from '@/lib/log';
import { clientAddress } from '@/lib/security/client-address';
import { filtersToQuery, parseCandidateFilters, type CandidateFilters } from '@/lib/candidates/filters';
import { ExportRecipientError } from '@/lib/candidates/query';
import { exportErrorsToQuery, parseExportRequest, type ExportRequestField, type ExportRequestValues } from './request';
import { sessionTokenFromCookieHeader } from '@/lib/staff/cookie';
import { ForbiddenError, UnauthorizedError, verifySessionToken, viewerCan } from '@/lib/staff/session';
import { exportCandidates, exportFormats, type ExportFormat } from './candidates';

// GET /api/staff/candidates/export?format=csv|xlsx&locale=es|en&organization=<partner id>&purpose=<text>&<filters>.
// The route file only calls this, so it is tested directly with a Request. The export form on the candidates page
// submits here (a plain GET form, with or without JavaScript): a missing or unknown organization or purpose sends the
// browser back to that form with the errors and what was typed; other clients get 400 with the same message keys.

const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

/** Back to the export form (a browser's navigation) or a 400 with the fields' message keys. */
function refused(request: Request, locale: Locale, filters: CandidateFilters, values: ExportRequestValues, errors: Partial<Record<ExportRequestField, string>>) {
  const navigation = request.headers.get('sec-fetch-mode') === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');
  if (navigation) {
    const query = filtersToQuery(filters, { ...values, exportErrors: exportErrorsToQuery(errors) });
    return new Response(null, { status: 303, headers: { ...noStore, Location: `/${locale}/staff/candidates?${query}#export` } });
  }
  return json(400, { error: 'bad-request', fields: errors, message: 'organization (a partner organization id) and purpose are required' });
}

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
    // Only to answer in the right order (403 before 400); exportCandidates authorizes again in the data layer.
    if (!viewerCan(viewer, 'candidates:export')) throw new ForbiddenError('candidates:export');
    const format = url.searchParams.get('format') as ExportFormat | null;
    if (!format || !exportFormats.includes(format)) {
      return json(400, { error: 'bad-format', message: 'format must be csv or xlsx' });
    }
    const requested = url.searchParams.get('locale');
    const locale: Locale = routing.locales.find((l) => l === requested) ?? routing.defaultLocale;
    const { filters, ignored } = parseCandidateFilters(url.searchParams);
    const recipient = parseExportRequest(url.searchParams);
    if (!recipient.ok) return refused(request, locale, filters, recipient.values, recipient.errors);
    let result;
    try {
      result = await exportCandidates(viewer, {
        format,
        filters,
        locale,
        ipAddress: clientAddress(request.headers),
        organizationId: recipient.data.organization,
        purpose: recipient.data.purpose,
      });
    } catch (error) {
      if (error instanceof ExportRecipientError) return refused(request, locale, filters, recipient.values, { [error.field]: error.key });
      throw error;
    }
    return new Response(result.stream, {
      status: 200,
      headers: {
        ...noStore,
        'Content-Type': result.contentType,
        'Content-Disposition': `attachment; filename="${result.filename}"`,
        'X-Export-Rows': String(result.rowCount),
        'X-Sharing-Id': result.sharingId,
        ...(result.onlySharingConsent ? { 'X-Export-Only-Purpose': 'share-with-partners' } : {}),
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
