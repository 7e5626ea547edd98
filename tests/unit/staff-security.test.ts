import { afterEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { neutralizeCell } from '@/lib/export/neutralize';
import { isSecureCookieContext, sessionCookieName, sessionTokenFromCookieHeader } from '@/lib/staff/cookie';
import { staffGate } from '@/lib/staff/gate';
import { lockoutDurationMs } from '@/lib/staff/config';
import { passwordProblem } from '@/lib/staff/password';
import { safeNextPath } from '@/lib/staff/page';
import { can } from '@/lib/staff/roles';

describe('formula neutralization (OWASP CSV injection)', () => {
  it('prefixes a quote to cells that a spreadsheet would run', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+57 300 123 4567', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralizeCell(v)).toBe(`'${v}`);
    }
  });
  it('leaves everything else alone', () => {
    for (const v of ['Ana', '', 'a=b', ' =1', 'Bogotá', '57300']) expect(neutralizeCell(v)).toBe(v);
  });
});

describe('session cookie name', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  afterEach(() => {
    delete process.env.STAFF_COOKIE_SECURE;
  });
  it('is __Host- (Secure) everywhere by default, whatever the scheme or host', () => {
    expect(sessionCookieName(h({ host: 'talento.example', 'x-forwarded-proto': 'https' }))).toBe('__Host-bt_session');
    // What the issue saw: TLS ended in front of nginx, which said http. Still Secure.
    expect(sessionCookieName(h({ host: 'app.example.org', 'x-forwarded-proto': 'http' }))).toBe('__Host-bt_session');
    expect(sessionCookieName(h({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' }))).toBe('__Host-bt_session');
    expect(sessionCookieName(h({ host: '192.168.1.20:3000', 'x-forwarded-proto': 'http' }))).toBe('__Host-bt_session');
    expect(isSecureCookieContext(h({ host: '192.168.1.20:3000' }))).toBe(true);
  });
  it('is a plain cookie only on plain-http loopback hosts, and only when the operator says so', () => {
    process.env.STAFF_COOKIE_SECURE = 'plain-http-localhost';
    expect(sessionCookieName(h({ host: 'localhost:3000', 'x-forwarded-proto': 'http' }))).toBe('bt_session');
    expect(sessionCookieName(h({ host: '[::1]:3000', 'x-forwarded-proto': 'http' }))).toBe('bt_session');
    expect(sessionCookieName(h({ host: 'localhost:3000', 'x-forwarded-proto': 'https' }))).toBe('__Host-bt_session');
    expect(sessionCookieName(h({ host: 'app.example.org', 'x-forwarded-proto': 'http' }))).toBe('__Host-bt_session');
    expect(sessionCookieName(h({ host: '192.168.1.20:3000', 'x-forwarded-proto': 'http' }))).toBe('__Host-bt_session');
  });
  it('reads only the name allowed in this context', () => {
    const headers = h({ host: 'talento.example', 'x-forwarded-proto': 'https', cookie: 'bt_session=plain; other=1' });
    process.env.STAFF_COOKIE_SECURE = 'plain-http-localhost';
    expect(sessionTokenFromCookieHeader(headers)).toBeUndefined();
    headers.set('cookie', 'a=1; __Host-bt_session=tok_en-1');
    expect(sessionTokenFromCookieHeader(headers)).toBe('tok_en-1');
  });
});

describe('proxy gate for staff pages', () => {
  const gate = (path: string, cookie?: string, fetchSite?: string) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (fetchSite) headers['sec-fetch-site'] = fetchSite;
    const request = new NextRequest(`http://127.0.0.1:3000${path}?q=ana%40example.com`, { headers });
    const rest = path.slice(3);
    return staffGate(request, path.slice(1, 3), rest);
  };
  it('sends staff pages without a session cookie to sign-in, with the path only', () => {
    const response = gate('/es/staff/candidates');
    expect(response?.status).toBe(303);
    const location = new URL(response!.headers.get('location')!);
    expect(location.pathname + location.search).toBe('/es/staff/login?next=%2Fes%2Fstaff%2Fcandidates');
    expect(response?.headers.get('cache-control')).toBe('no-store');
  });
  it('sends a navigation another site started to the staff home, before anything is read', () => {
    for (const path of ['/es/staff/candidates', '/en/staff/audit', '/es/staff/candidates/0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70']) {
      const response = gate(path, '__Host-bt_session=x', 'cross-site');
      expect(response?.status, path).toBe(303);
      const location = new URL(response!.headers.get('location')!);
      expect(location.pathname + location.search).toBe(`${path.slice(0, 3)}/staff`);
    }
    // The home shows counts only (and a redirect keeps the chain cross-site, so it must not redirect itself).
    expect(gate('/es/staff', '__Host-bt_session=x', 'cross-site')).toBeNull();
    expect(gate('/es/staff/login', undefined, 'cross-site')).toBeNull();
    for (const site of ['same-origin', 'same-site', 'none']) expect(gate('/es/staff/candidates', '__Host-bt_session=x', site)).toBeNull();
  });
  it('lets through the sign-in page, requests with a cookie, and public pages', () => {
    expect(gate('/es/staff/login')).toBeNull();
    expect(gate('/en/staff', '__Host-bt_session=x')).toBeNull();
    expect(gate('/en/programs')).toBeNull();
    expect(gate('/en/staffing')).toBeNull();
  });
});

describe('where sign-in sends you back to', () => {
  it('only to a staff path of the same locale', () => {
    expect(safeNextPath('es', '/es/staff/candidates')).toBe('/es/staff/candidates');
    for (const bad of ['https://evil.example/es/staff', '//evil.example', '/en/staff', '/es/staff/login', '/es/staff?q=x', '/es/programs', undefined]) {
      expect(safeNextPath('es', bad)).toBe('/es/staff');
    }
  });
});

describe('password rules (NIST SP 800-63B)', () => {
  it('asks for 12 characters, checks common passwords, no composition rules', () => {
    expect(passwordProblem('short one')).toBe('tooShort');
    expect(passwordProblem('qwertyuiop123')).toBe('common');
    expect(passwordProblem('PASSWORD1234')).toBe('common');
    expect(passwordProblem('x'.repeat(257))).toBe('tooLong');
    expect(passwordProblem('mi perro se llama toby')).toBeNull();
    expect(passwordProblem('ñandú ñandú ñandú')).toBeNull();
    expect(passwordProblem('maria.lopez 2026!', { email: 'maria.lopez@agency.example' })).toBe('containsEmail');
  });
});

describe('lockout schedule and roles', () => {
  it('doubles from 5 minutes up to an hour, never a day', () => {
    expect([1, 2, 3, 4].map(lockoutDurationMs)).toEqual([5, 10, 20, 40].map((m) => m * 60_000));
    expect(lockoutDurationMs(5)).toBe(60 * 60_000);
    expect(lockoutDurationMs(20)).toBe(60 * 60_000);
  });
  it('staff read and export; only admins manage', () => {
    expect(can('staff', 'candidates:read')).toBe(true);
    expect(can('staff', 'candidates:export')).toBe(true);
    expect(can('staff', 'staff:manage')).toBe(false);
    expect(can('staff', 'audit:read')).toBe(false);
    expect(can('staff', 'candidates:manage')).toBe(false);
    expect(can('admin', 'staff:manage')).toBe(true);
  });
});
