// The production topology (deploy/nginx): nginx in front of two `next start` instances on the e2e database: the
// e2e server itself and one more, which this test stops to show the site survives an instance going down.
// What it caches, what it never caches, that Next's headers and cookies pass through untouched, and that
// traffic is shared between the instances and survives one of them going down.
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startNginx, type RunningNginx } from '../../scripts/lib/nginx.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { signUpFormData } from '../support/sign-up-form.ts';
import { e2eState, queryDb } from './support';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const appPorts = [Number(process.env.TOPOLOGY_APP_PORT ?? 3110), Number(process.env.E2E_PORT ?? 3100)];
const nginxPort = Number(process.env.TOPOLOGY_NGINX_PORT ?? 8110);
const plainNginxPort = Number(process.env.TOPOLOGY_PLAIN_NGINX_PORT ?? 8111);

const securityHeaders = [
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'content-security-policy',
  'strict-transport-security',
];

test.describe.configure({ mode: 'serial' });

let apps: AppServer[] = [];
let nginx: RunningNginx;
/** The same template without a trusted TLS terminator in front (the default). */
let plainNginx: RunningNginx;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const state = e2eState() as ReturnType<typeof e2eState> & { env?: Record<string, string> };
  // The second upstream is the e2e server, already running: one start fewer.
  apps = [await startAppServer({ port: appPorts[0]!, env: { DATABASE_URL: state.databaseUrl, ...state.env } })];
  nginx = await startNginx({
    port: nginxPort,
    upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
    dir: path.join(projectRoot, '.data/nginx-e2e'),
    // This test's requests from 127.0.0.1 play the TLS terminator in front.
    tlsTerminators: ['127.0.0.1/32'],
  });
  plainNginx = await startNginx({
    port: plainNginxPort,
    upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
    dir: path.join(projectRoot, '.data/nginx-e2e-plain'),
  });
});

test.afterAll(async () => {
  await plainNginx?.stop();
  await nginx?.stop();
  await Promise.all(apps.map((app) => app.stop()));
});

function get(pathname: string, headers: Record<string, string> = {}) {
  return fetch(nginx.url + pathname, { headers, redirect: 'manual' });
}

test('prerendered pages and build assets are cached; Next’s security headers pass through', async () => {
  const page = '/es/programs/hello-valle';
  const returning = { Cookie: 'NEXT_LOCALE=es' };
  const direct = await fetch(apps[0]!.url + page, { headers: returning });
  const first = await get(page, returning);
  const second = await get(page, returning);
  expect(first.status).toBe(200);
  expect(first.headers.get('x-cache-status')).toMatch(/^(MISS|HIT|EXPIRED|STALE|UPDATING|REVALIDATED)$/);
  expect(second.status).toBe(200);
  expect(second.headers.get('x-cache-status')).toBe('HIT');
  // Each answer has its own request id, even one served from the cache.
  expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  const body = await second.text();
  expect(body).toBe(await direct.text());
  expect(body).toContain('<html lang="es"');
  for (const name of securityHeaders) {
    expect.soft(second.headers.get(name), name).toBe(direct.headers.get(name));
  }
  expect(second.headers.get('x-content-type-options')).toBe('nosniff');
  expect(second.headers.get('x-frame-options')).toBe('DENY');

  const asset = body.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset).toBeTruthy();
  await get(asset!);
  const cachedAsset = await get(asset!);
  expect(cachedAsset.status).toBe(200);
  expect(cachedAsset.headers.get('x-cache-status')).toBe('HIT');
  expect(cachedAsset.headers.get('cache-control')).toContain('immutable');
});

test('the language cookie is never stored in nor replayed from the cache', async () => {
  const page = '/en/programs';
  const returning = { Cookie: 'NEXT_LOCALE=en' };
  await get(page, returning);
  expect((await get(page, returning)).headers.get('x-cache-status')).toBe('HIT');

  // A first visit (no cookie, or the other language's) goes to Next, which sets the cookie.
  for (const headers of [{}, { Cookie: 'NEXT_LOCALE=es' }] as Record<string, string>[]) {
    const firstVisit = await get(page, headers);
    expect(firstVisit.status).toBe(200);
    expect(firstVisit.headers.get('x-cache-status')).not.toBe('HIT');
    expect(firstVisit.headers.get('set-cookie')).toMatch(/^NEXT_LOCALE=en;/);
  }
  // The cached copy still carries no cookie.
  const again = await get(page, returning);
  expect(again.headers.get('x-cache-status')).toBe('HIT');
  expect(again.headers.get('set-cookie')).toBeNull();
});

test('staff pages, the staff API and the sign-up form are never cached', async () => {
  for (const [pathname, headers] of [
    ['/es/staff/login', { Cookie: 'NEXT_LOCALE=es' }],
    ['/en/talent', { Cookie: 'NEXT_LOCALE=en' }],
    ['/api/staff/candidates/export?format=csv', {}],
  ] as const) {
    for (let i = 0; i < 2; i++) {
      const response = await get(pathname, headers);
      expect(response.status, pathname).toBeLessThan(500);
      expect(response.headers.get('x-cache-status'), pathname).toBeNull();
      if (!pathname.endsWith('/talent')) expect(response.headers.get('cache-control'), pathname).toContain('no-store');
      await response.arrayBuffer();
    }
  }
});

test('the original scheme and client address come from a trusted TLS terminator only', async () => {
  const asTerminator = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.41' };
  const trusted = await get('/es/staff/login', asTerminator);
  expect(trusted.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  expect(trusted.headers.get('set-cookie')).toMatch(/^NEXT_LOCALE=es;.*Secure/i);
  const untrusted = await fetch(plainNginx.url + '/es/staff/login', { headers: asTerminator, redirect: 'manual' });
  expect(untrusted.headers.get('strict-transport-security')).toBeNull();
  expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/i);

  // The address the app stores (consent evidence): the terminator's word through the first, the socket through the other.
  const signUp = (base: string, email: string) =>
    fetch(`${base}/es/talent/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...asTerminator, 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
      body: new URLSearchParams([...signUpFormData({ email })] as [string, string][]),
    });
  const stamp = Date.now();
  expect((await signUp(nginx.url, `via-terminator-${stamp}@topology.test`)).status).toBe(303);
  expect((await signUp(plainNginx.url, `via-plain-${stamp}@topology.test`)).status).toBe(303);
  const stored = await queryDb<{ email: string; ip_address: string }>(
    `SELECT c.email, k.ip_address FROM consents k JOIN candidates c ON c.id = k.candidate_id WHERE c.email LIKE $1 ORDER BY c.email`,
    [`%-${stamp}@topology.test`],
  );
  expect(stored).toEqual([
    { email: `via-plain-${stamp}@topology.test`, ip_address: '127.0.0.1' },
    { email: `via-terminator-${stamp}@topology.test`, ip_address: '203.0.113.41' },
  ]);
});

/** A POST from its own loopback address (nginx limits per address), answered with status, headers and body. */
function postFrom(localAddress: string, pathname: string, body = 'a=1') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      nginx.url + pathname,
      { method: 'POST', localAddress, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('a flood of sign-in or sign-up posts is answered by nginx with a static 429 in the page’s language, never by Next', async () => {
  // nginx's own answer, told from the app's (which also says 429 once its own limit is reached) by its static page.
  const byNginx = (r: { status: number; body: string }) => r.status === 429 && /^<!doctype html>\n<html lang="(es|en)">\n<head>/.test(r.body);
  const signIns = await Promise.all(Array.from({ length: 30 }, () => postFrom('127.0.0.51', '/es/staff/login')));
  const limited = signIns.filter(byNginx);
  expect(limited.length).toBeGreaterThanOrEqual(30 - 11);
  for (const r of limited) {
    expect(r.body).toContain('<html lang="es">');
    expect(r.body).toContain('Demasiadas solicitudes');
    expect(r.headers['retry-after']).toBe('60');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
  }
  const signUps = await Promise.all(Array.from({ length: 25 }, () => postFrom('127.0.0.52', '/en/talent/submit')));
  const refused = signUps.filter(byNginx);
  expect(refused.length).toBeGreaterThanOrEqual(25 - 13);
  expect(refused[0]!.body).toContain('<html lang="en">');
  expect(refused[0]!.body).toContain('Too many requests');
  // nginx answered those itself: no instance was asked (no upstream in its log).
  const unproxied429 = nginx.accessLog().filter((line) => line.split(' ')[3] === '429' && line.split(' ')[5] === '-');
  expect(unproxied429.length).toBe(limited.length + refused.length);
  // Reading the page is not limited, from that address or any other.
  expect((await get('/es/staff/login', { Cookie: 'NEXT_LOCALE=es' })).status).toBe(200);
});

test('requests are shared between both instances, and one instance down still serves every page', async () => {
  const upstreamsFor = (pathname: string) =>
    new Set(nginx.accessLog().filter((line) => line.split(' ')[2] === pathname).map((line) => line.split(' ')[5]));
  for (let i = 0; i < 6; i++) expect((await get('/es/talent', { Cookie: 'NEXT_LOCALE=es' })).status).toBe(200);
  expect([...upstreamsFor('/es/talent')].sort()).toEqual(appPorts.map((p) => `127.0.0.1:${p}`).sort());

  await apps[0]!.stop();
  for (let i = 0; i < 6; i++) {
    const response = await get('/en/talent', { Cookie: 'NEXT_LOCALE=en' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="en"');
  }
  expect((await get('/es/programs/hello-valle', { Cookie: 'NEXT_LOCALE=es' })).headers.get('x-cache-status')).toBe('HIT');
  expect((await get('/en/join', { Cookie: 'NEXT_LOCALE=en' })).status).toBe(200);
});
