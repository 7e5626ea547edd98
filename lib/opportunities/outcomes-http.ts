import 'server-only';
import { createTranslator } from 'next-intl';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { csvRecord } from '@/lib/export/csv';
import { messages } from '@/lib/i18n/messages';
import { routing, type Locale } from '@/lib/i18n/routing';
import { logger } from '@/lib/log';
import { clientAddress } from '@/lib/security/client-address';
import { sessionTokenFromCookieHeader } from '@/lib/staff/cookie';
import { ForbiddenError, UnauthorizedError, verifySessionToken } from '@/lib/staff/session';
import { siteWallClock } from '@/lib/time-zone';
import { outcomeMeasures, outcomesForExport } from './outcomes';

// GET /api/staff/opportunities/outcomes?locale=es|en: the dashboard's outcomes table as CSV (RFC 4180, UTF-8 with
// a BOM, text cells quoted and neutralized as every export is), headers and names in the staff member's language.

const noStore = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

export async function handleOutcomesCsvRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  try {
    const viewer = await verifySessionToken(sessionTokenFromCookieHeader(request.headers));
    if (!viewer) return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
    if (request.headers.get('sec-fetch-site') === 'cross-site') return Response.json({ error: 'forbidden' }, { status: 403, headers: noStore });
    const requested = url.searchParams.get('locale');
    const locale: Locale = routing.locales.find((l) => l === requested) ?? routing.defaultLocale;
    const rows = await outcomesForExport(viewer, { ipAddress: clientAddress(request.headers) });
    const t = createTranslator({ locale, messages: messages[locale], namespace: 'StaffOutcomes' });
    const programs = messages[locale].Options.program as Record<string, string>;
    const header = [t('dimension'), t('group'), t('month'), ...outcomeMeasures.map((m) => t(`measures.${m}`))];
    let body = '\uFEFF' + csvRecord(header);
    for (const row of rows) {
      const group = row.dimension === 'program' ? (programs[row.group] ?? row.group) : row.group;
      body += csvRecord([t(`dimensions.${row.dimension}`), group, row.month.slice(0, 7), row.announced, row.interested, row.referred, row.placed]);
    }
    const stamp = siteWallClock(new Date()).toISOString().slice(0, 10);
    return new Response(body, {
      status: 200,
      headers: {
        ...noStore,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${t('filename')}-${stamp}.csv"`,
      },
    });
  } catch (error) {
    if (error instanceof UnauthorizedError) return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
    if (error instanceof ForbiddenError) return Response.json({ error: 'forbidden' }, { status: 403, headers: noStore });
    if (isDatabaseUnavailable(error)) return Response.json({ error: 'unavailable' }, { status: 503, headers: { ...noStore, 'Retry-After': '30' } });
    logger.error({ err: error }, 'outcomes export failed');
    return Response.json({ error: 'internal' }, { status: 500, headers: noStore });
  }
}
