import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { clientAddress } from '@/lib/security/client-address';
import type { Permission } from './roles';
import { currentViewer, ForbiddenError, UnauthorizedError, viewerCan, type Viewer } from './session';

// Helpers for staff pages and server actions. They decide where people go; the data functions they call
// decide, again, whether the data may be read.

/** A staff path of this locale that sign-in may send someone back to (never another site, never a query). */
export function safeNextPath(locale: Locale, next: unknown): string {
  if (typeof next === 'string' && new RegExp(`^/${locale}/staff(?:/[a-z0-9-]+)*$`).test(next) && !next.endsWith('/login')) {
    return next;
  }
  return `/${locale}/staff`;
}

export function loginPath(locale: Locale, from?: string): string {
  return from ? `/${locale}/staff/login?next=${encodeURIComponent(from)}` : `/${locale}/staff/login`;
}

/** The signed-in viewer, or a redirect to the sign-in page that comes back to `path` (path only). */
export async function requireViewer(locale: Locale, path: string): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect(loginPath(locale, `/${locale}${path}`));
  return viewer;
}

/**
 * The signed-in viewer whose role may `permission`: without a session, a redirect to sign-in; with a role that may
 * not, HTTP 403 and app/[locale]/staff/forbidden.tsx (Next's `forbidden()`, experimental.authInterrupts). Pages a
 * role may not see call this first, and their metadata says the same through `staffPageTitle`.
 */
export async function requirePermission(locale: Locale, path: string, permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer(locale, path);
  if (!viewerCan(viewer, permission)) forbidden();
  return viewer;
}

/**
 * A staff page's title: its own, or "no access" when the signed-in role may not see it (the page answers 403, and
 * Next takes the title from the page's metadata, not from forbidden.tsx).
 */
export async function staffPageTitle(locale: Locale, title: string, permission?: Permission): Promise<string> {
  if (!permission) return title;
  const viewer = await currentViewer().catch(() => null);
  if (!viewer || viewerCan(viewer, permission)) return title;
  const t = await getTranslations({ locale, namespace: 'StaffCommon' });
  return t('forbiddenTitle');
}

/**
 * Run a data call for a page: a session that ended meanwhile goes to sign-in, a role that the data layer refuses
 * gets HTTP 403 and the "no access" page.
 */
export async function staffData<T>(locale: Locale, path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof UnauthorizedError) redirect(loginPath(locale, `/${locale}${path}`));
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

export async function requestContext(): Promise<{ ipAddress: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ipAddress: clientAddress(h), userAgent: h.get('user-agent') };
}

/**
 * Runs a server action's change as the signed-in staff member: an ended session goes to sign-in (coming back to
 * `back`), a refused role comes back to `back` with a notice.
 */
export async function asStaff<T>(locale: Locale, back: string, change: (viewer: Viewer, ctx: { ipAddress: string | null }) => Promise<T>): Promise<T> {
  const viewer = await currentViewer();
  if (!viewer) redirect(loginPath(locale, back));
  try {
    return await change(viewer, await requestContext());
  } catch (error) {
    if (error instanceof UnauthorizedError) redirect(loginPath(locale, back));
    if (error instanceof ForbiddenError) redirect(`${back}?notice=forbidden`);
    throw error;
  }
}
