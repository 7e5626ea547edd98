// The production topology (deploy/nginx): nginx in front of two `next start` instances on the e2e database.
// What it caches, what it never caches, that Next's headers and cookies pass through untouched, and that
// traffic is shared between the instances and survives one of them going down.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startNginx, type RunningNginx } from '../../scripts/lib/nginx.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { e2eState } from './support';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const appPorts = [Number(process.env.TOPOLOGY_APP_PORT ?? 3110), Number(process.env.TOPOLOGY_APP_PORT ?? 3110) + 1];
const nginxPort = Number(process.env.TOPOLOGY_NGINX_PORT ?? 8110);

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

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const state = e2eState() as ReturnType<typeof e2eState> & { env?: Record<string, string> };
  apps = await Promise.all(
    appPorts.map((port) => startAppServer({ port, env: { DATABASE_URL: state.databaseUrl, ...state.env } })),
  );
  nginx = await startNginx({
    port: nginxPort,
    upstreams: appPorts.map((p) => `127.0.0.1:${p}`),
    dir: path.join(projectRoot, '.data/nginx-e2e'),
  });
});

test.afterAll(async () => {
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
