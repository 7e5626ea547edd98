// Running for real: two `next start` instances on one PostgreSQL of these tests' own (so they can stop it), a
// start with a malformed variable, sign-ups across database outages (people at the form, and a burst), a burst
// cut by SIGTERM, and the servers' logs checked for personal data. The database and instance A are shared by
// both tests, which run in order: one set of server starts for all of it keeps the suite fast.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { migrate } from '../../scripts/lib/migrate.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { withAdmin } from '../support/postgres.ts';
import { validSignUp } from '../support/sign-up-form.ts';
import { expect, fillSignUp, goodAnswers, test, uniqueEmail, waitForEnhancedForm } from './talent-support';

const projectRoot = path.resolve(import.meta.dirname, '../..');
// Ports of their own (the e2e server and the outage test use others): PostgreSQL, then instance A, instance
// B, the instance with a bad configuration and the balancer in front of A and B.
const pgPort = Number(process.env.RESILIENCE_PG_PORT ?? 54450);
const appPort = Number(process.env.RESILIENCE_APP_PORT ?? 3450);
const [portA, portB, portBad, portBalancer] = [appPort, appPort + 1, appPort + 2, appPort + 3];

const unavailableText = {
  es: 'No pudimos guardar tu inscripción. Inténtalo de nuevo en unos minutos: lo que escribiste sigue aquí.',
  en: 'We could not save your registration. Please try again in a few minutes: what you typed is still here.',
};

interface Person {
  locale: 'es' | 'en';
  fullName: string;
  email: string;
  phone: string;
  address: string;
}

let serial = 0;
const run = Date.now().toString(36);
function person(label: string): Person {
  const n = serial++;
  return {
    locale: n % 2 ? 'en' : 'es',
    fullName: `Resiliencia ${label} Persona${n}`,
    email: `${label}.${n}.${run}@example.com`,
    phone: `300 555 ${String(1000 + n)}`,
    address: `10.77.${Math.floor(n / 200)}.${n % 200}`,
  };
}

/** A request on a connection of its own: whether the server still accepts new connections. */
function newConnectionAnswer(port: number): Promise<'answered' | 'refused'> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (response) => {
      response.resume();
      resolve('answered');
    });
    request.on('error', () => resolve('refused'));
  });
}

function formBody(p: Person, overrides: Record<string, string> = {}): string {
  const fields = { ...validSignUp, fullName: p.fullName, email: p.email, phone: p.phone, website: '', ...overrides };
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body.toString();
}

interface Answer {
  status: number;
  requestId: string | undefined;
  retryAfter: string | undefined;
  body: string;
}

/**
 * A no-JavaScript sign-up as a browser posts it. With `hold`, the headers and half the body go out at once
 * (`hold.sent` learns when they left), the rest when `hold.release` resolves.
 */
function postSignUp(
  port: number,
  p: Person,
  overrides: Record<string, string> = {},
  hold?: { release: Promise<void>; sent: Promise<void>[] },
): Promise<Answer> {
  const body = Buffer.from(formBody(p, overrides));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/${p.locale}/talent/submit`,
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': body.length,
          'x-forwarded-for': p.address,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            requestId: response.headers['x-request-id'] as string | undefined,
            retryAfter: response.headers['retry-after'] as string | undefined,
            body: text,
          }),
        );
      },
    );
    request.on('error', reject);
    if (!hold) return void request.end(body);
    request.flushHeaders();
    hold.sent.push(new Promise((sent) => request.write(body.subarray(0, body.length >> 1), () => sent())));
    void hold.release.then(() => request.end(body.subarray(body.length >> 1)));
  });
}

async function storedEmails(url: string, emails: string[]): Promise<string[]> {
  const { rows } = await withAdmin(url, (c) =>
    c.query<{ email: string }>('SELECT c.email FROM candidates c JOIN consents k ON k.candidate_id = c.id WHERE c.email = ANY($1)', [emails]),
  );
  return [...new Set(rows.map((r) => r.email))].sort();
}

async function json(url: string) {
  const response = await fetch(url);
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body: await response.json() };
}

/** Resolves with the exit code and everything printed, for a server expected to refuse to start. */
function startExpectingFailure(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

/** A round-robin-free balancer: the test says which instance gets the next requests, as sticky-less routing can. */
function startBalancer(port: number) {
  const served: { backend: number; method: string; path: string; action: boolean; status: number }[] = [];
  const state = { backend: portA };
  const server = http.createServer((req, res) => {
    const backend = state.backend;
    const upstream = http.request(
      { host: '127.0.0.1', port: backend, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        served.push({ backend, method: req.method!, path: req.url!, action: Boolean(req.headers['next-action']), status: answer.statusCode! });
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise<{ state: typeof state; served: typeof served; close: () => Promise<void> }>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        state,
        served,
        close: () => {
          server.closeAllConnections();
          return new Promise((r) => server.close(() => r()));
        },
      }),
    ),
  );
}

async function createStaff(databaseUrl: string, email: string, password: string) {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/staff-create.ts', '--email', email, '--name', 'Rita Resilience', '--role', 'staff'],
    { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl, STAFF_PASSWORD: password }, stdio: 'inherit' },
  );
  expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
}

test.describe.configure({ mode: 'serial' });

let database: RunningPostgres | undefined;
let url: string;
let a: AppServer | undefined;
// A generous connection wait: 40 sign-ups at once queue for the pool, and on a busy machine a short wait would
// refuse some (503), which is not what these tests are about. A stopped database refuses at once anyway.
const instanceEnv = () => ({ DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: '20000', SIGNUP_RATE_LIMIT_POINTS: '3', LOG_LEVEL: 'info' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await startEmbeddedPostgres({ dataDir: path.join(projectRoot, '.data/resilience-postgres'), port: pgPort, fast: true });
  await withAdmin(database.url('postgres'), async (c) => {
    await c.query('DROP DATABASE IF EXISTS bt_resilience WITH (FORCE)');
    await c.query('CREATE DATABASE bt_resilience');
  });
  url = database.url('bt_resilience');
  await migrate(url);
  a = await startAppServer({ port: portA, env: instanceEnv() });
});

test.afterAll(async () => {
  await a?.stop();
  await database?.stop().catch(() => {});
});

async function query<R extends pg.QueryResultRow>(databaseUrl: string, sql: string, params?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test('a database outage shows the localized error with the input intact (503 without JavaScript), and the same page succeeds once it is back', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  // Runs first, on instance A: the database holds nothing but what this test stores.
  const app = a!;
  const db = database!;
  const appPid = app.process.pid;
  // One address per person: instance A allows 3 sign-up attempts per address.
  const withJs = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { 'X-Forwarded-For': '10.250.0.1' }, javaScriptEnabled: true });
  const withoutJs = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { 'X-Forwarded-For': '10.250.0.2' }, javaScriptEnabled: false });
  try {
    const jsPage = await withJs.newPage();
    const plainPage = await withoutJs.newPage();

    // While the database is up, a sign-up goes through.
    const before = uniqueEmail('before-outage');
    await jsPage.goto('/es/talent');
    await waitForEnhancedForm(jsPage);
    await fillSignUp(jsPage, { ...goodAnswers, email: before });
    await jsPage.getByRole('button', { name: 'Inscribirme' }).click();
    await expect(jsPage.getByRole('heading', { level: 1 })).toHaveText('¡Gracias por inscribirte!');

    // Two people are filling in the form (one with JavaScript, in Spanish; one without, in English)...
    const jsEmail = uniqueEmail('during-outage-js');
    const plainEmail = uniqueEmail('during-outage-plain');
    await jsPage.goto('/es/talent');
    await waitForEnhancedForm(jsPage);
    await fillSignUp(jsPage, { ...goodAnswers, fullName: 'Camila Outage', email: jsEmail });
    await plainPage.goto('/en/talent');
    await fillSignUp(plainPage, { ...goodAnswers, fullName: 'Mateo Outage', email: plainEmail });

    // ...when the database stops.
    await db.stop();

    await jsPage.getByRole('button', { name: 'Inscribirme' }).click();
    const jsAlert = jsPage.getByRole('form').getByRole('alert');
    await expect(jsAlert).toHaveText('No pudimos guardar tu inscripción. Inténtalo de nuevo en unos minutos: lo que escribiste sigue aquí.');
    await expect(jsAlert).toBeFocused();
    await expect(jsPage.locator('#signup-fullName')).toHaveValue('Camila Outage');
    await expect(jsPage.locator('#signup-email')).toHaveValue(jsEmail);
    await expect(jsPage.locator('#signup-englishLevel-C1')).toBeChecked();
    await expect(jsPage.locator('#signup-consent')).toBeChecked();

    const [unavailable] = await Promise.all([
      plainPage.waitForResponse((r) => r.url().endsWith('/en/talent/submit')),
      plainPage.getByRole('button', { name: 'Sign up' }).click(),
    ]);
    expect(unavailable.status()).toBe(503);
    expect(unavailable.headers()['retry-after']).toBe('30');
    await expect(plainPage.getByRole('form').getByRole('alert')).toHaveText(
      'We could not save your registration. Please try again in a few minutes: what you typed is still here.',
    );
    await expect(plainPage.locator('#signup-fullName')).toHaveValue('Mateo Outage');
    await expect(plainPage.locator('#signup-email')).toHaveValue(plainEmail);
    await expect(plainPage.locator('#signup-municipality')).toHaveValue(goodAnswers.municipality);
    await expect(plainPage.locator('#signup-interests-software-development')).toBeChecked();
    await expect(plainPage.locator('#signup-consent')).toBeChecked();

    // The database comes back; the same pages, in the same app process, now succeed.
    await db.restart();
    await jsPage.getByRole('button', { name: 'Inscribirme' }).click();
    await expect(jsPage.getByRole('heading', { level: 1 })).toHaveText('¡Gracias por inscribirte!');
    const [accepted] = await Promise.all([
      plainPage.waitForResponse((r) => r.url().endsWith('/en/talent/submit')),
      plainPage.getByRole('button', { name: 'Sign up' }).click(),
    ]);
    expect(accepted.status()).toBe(303);
    await expect(plainPage.getByRole('heading', { level: 1 })).toHaveText('Thank you for signing up!');

    expect(app.process.pid).toBe(appPid);
    expect(app.process.exitCode).toBeNull();
    const stored = await query<{ email: string; full_name: string }>(url, 'SELECT email, full_name FROM candidates ORDER BY created_at');
    expect(stored.map((r) => r.email)).toEqual([before, jsEmail, plainEmail]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM consents')).toEqual([{ n: 3 }]);

    // The outage was logged, and no personal data with it.
    const output = app.output();
    await testInfo.attach('server output', { body: output, contentType: 'text/plain' });
    expect(output).toContain('signup.db_unavailable');
    for (const personal of [before, jsEmail, plainEmail, 'Camila Outage', 'Mateo Outage', '315 555 0101', '+573155550101']) {
      expect(output).not.toContain(personal);
    }
  } finally {
    await withJs.close();
    await withoutJs.close();
  }
});

test('two instances share sessions, actions and rate limits; sign-ups survive an outage and SIGTERM; logs hold no personal data', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  let b: AppServer | undefined;
  let balancer: Awaited<ReturnType<typeof startBalancer>> | undefined;
  const personal: string[] = [];
  const track = (p: Person) => {
    personal.push(p.email, p.fullName, p.phone, `+57${p.phone.replace(/\D/g, '')}`);
    return p;
  };
  try {
    const staff = { email: `rita.${run}@e2e.example`, password: 'Resilience-Check-2026-xq' };
    const env = instanceEnv();
    // Instance A is already running (beforeAll).
    const [startedB, bad, badNpmStart] = await Promise.all([
      startAppServer({ port: portB, env }),
      startExpectingFailure([path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', String(portBad)], {
        ...env,
        DATABASE_POOL_MAX: 'lots',
      }),
      // What `npm start` runs; it checks before starting any database or server.
      startExpectingFailure(['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
        ...env,
        PORT: String(portBad),
        SIGNUP_RATE_LIMIT_POINTS: 'ten',
      }),
      createStaff(url, staff.email, staff.password),
    ]);
    b = startedB;

    await test.step('a malformed variable stops next start and npm start with one line naming it', () => {
      for (const [run, variable, line] of [
        [bad, 'DATABASE_POOL_MAX', 'Invalid configuration: DATABASE_POOL_MAX must be a positive integer'],
        [badNpmStart, 'SIGNUP_RATE_LIMIT_POINTS', 'Invalid configuration: SIGNUP_RATE_LIMIT_POINTS must be a positive integer'],
      ] as const) {
        expect(run.code).not.toBe(0);
        expect(run.code).not.toBeNull();
        expect(run.output.split('\n').filter((l) => l.includes(variable))).toEqual([line]);
      }
    });

    await test.step('liveness and readiness answer uncached JSON', async () => {
      expect(await json(`${a!.url}/api/health`)).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
      // A cold instance's first query (client set-up, first connection) can take longer than the probe allows.
      await expect.poll(async () => (await json(`${a!.url}/api/ready`)).status, { timeout: 20_000 }).toBe(200);
      expect(await json(`${a!.url}/api/ready`)).toEqual({
        status: 200,
        cacheControl: 'no-store',
        body: { status: 'ready', checks: { database: 'ok' } },
      });
    });

    await test.step('a page rendered by A signs in on B, and the session works on A', async () => {
      balancer = await startBalancer(portBalancer);
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${portBalancer}` });
      const page = await context.newPage();
      balancer.state.backend = portA;
      await page.goto('/es/staff/login');
      await page.getByLabel('Correo electrónico').fill(staff.email);
      await page.getByLabel('Contraseña').fill(staff.password);
      balancer.state.backend = portB;
      await page.getByRole('button', { name: 'Ingresar' }).click();
      // B's first sign-in loads argon2 and opens its pool: give a cold instance on a busy machine time.
      await expect(page).toHaveURL(/\/es\/staff$/, { timeout: 30_000 });
      expect(balancer.served.filter((r) => r.action && r.method === 'POST').map((r) => r.backend)).toEqual([portB]);
      expect(balancer.served.find((r) => r.path === '/es/staff/login' && r.method === 'GET')?.backend).toBe(portA);

      balancer.state.backend = portA;
      const dashboard = await page.goto('/es/staff');
      expect(dashboard?.status()).toBe(200);
      await expect(page).toHaveURL(/\/es\/staff$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(balancer.served.filter((r) => r.path === '/es/staff' && r.method === 'GET').at(-1)).toMatchObject({ backend: portA, status: 200 });
      await context.close();
    });

    await test.step('the sign-up rate limit counts across both instances', async () => {
      const address = '10.66.0.1';
      const answers = [];
      for (const port of [portA, portB, portA, portB]) {
        answers.push((await postSignUp(port, { ...track(person('ratelimit')), address })).status);
      }
      expect(answers).toEqual([303, 303, 303, 429]);
    });

    const logged: string[] = [];
    await test.step('valid, invalid and duplicate sign-ups are answered with request ids', async () => {
      const valid = track(person('valid'));
      const invalid = track(person('invalid'));
      const answers = [
        await postSignUp(portA, valid),
        await postSignUp(portA, invalid, { consent: '' }),
        await postSignUp(portA, { ...valid, address: '10.66.0.2' }),
      ];
      expect(answers.map((x) => x.status)).toEqual([303, 422, 303]);
      expect(answers[1]!.body).toContain(invalid.email);
      for (const answer of answers) {
        expect(answer.requestId).toMatch(/^[\w.:-]{8,128}$/);
        logged.push(answer.requestId!);
      }
    });

    await test.step('PostgreSQL stops in the middle of a burst and comes back: nothing acknowledged is lost', async () => {
      const first = Array.from({ length: 20 }, () => track(person('burst')));
      const during = Array.from({ length: 20 }, () => track(person('outage')));
      const after = Array.from({ length: 6 }, () => track(person('after')));
      const pid = a!.process.pid;

      // The database stops once the burst is under way: a few answered, the rest in flight.
      let answered = 0;
      let underWay!: () => void;
      const threeAnswered = new Promise<void>((resolve) => (underWay = resolve));
      const firstAnswers = first.map((p) =>
        postSignUp(portA, p).finally(() => {
          if (++answered === 3) underWay();
        }),
      );
      await threeAnswered;
      await database!.stop();
      const duringAnswers = await Promise.all(during.map((p) => postSignUp(portA, p)));
      expect(await json(`${a!.url}/api/ready`)).toEqual({
        status: 503,
        cacheControl: 'no-store',
        body: { status: 'unavailable', checks: { database: 'unavailable' } },
      });
      expect((await json(`${a!.url}/api/health`)).status).toBe(200);
      await database!.restart();
      await expect.poll(async () => (await json(`${a!.url}/api/ready`)).status, { timeout: 20_000 }).toBe(200);
      const afterAnswers = await Promise.all(after.map((p) => postSignUp(portA, p)));

      const all = [...first, ...during, ...after];
      const answers = [...(await Promise.all(firstAnswers)), ...duringAnswers, ...afterAnswers];
      expect(duringAnswers.map((x) => x.status)).toEqual(during.map(() => 503));
      expect(afterAnswers.map((x) => x.status)).toEqual(after.map(() => 303));
      answers.forEach((answer, i) => {
        const p = all[i]!;
        expect([303, 503]).toContain(answer.status);
        if (answer.status === 503) {
          expect(answer.retryAfter).toBe('30');
          expect(answer.body).toContain(unavailableText[p.locale]);
          expect(answer.body).toContain(`value="${p.email}"`);
          expect(answer.body).toContain(`value="${p.fullName}"`);
          logged.push(answer.requestId!);
        }
      });
      const acknowledged = all.filter((_, i) => answers[i]!.status === 303).map((p) => p.email);
      expect(await storedEmails(url, acknowledged)).toEqual([...acknowledged].sort());
      expect(a!.process.pid).toBe(pid);
      expect(a!.process.exitCode).toBeNull();
    });

    await test.step('SIGTERM: no new connections, the sign-ups in flight are stored, the pool closes, exit 0', async () => {
      let release!: () => void;
      const hold = { release: new Promise<void>((resolve) => (release = resolve)), sent: [] as Promise<void>[] };
      const burst = Array.from({ length: 40 }, () => track(person('sigterm')));
      const answers = burst.map((p) => postSignUp(portB, p, {}, hold));
      answers.forEach((answer) => answer.catch(() => {}));
      await Promise.all(hold.sent);
      // The server accepts connections in order and reads every ready socket each turn: once a request made
      // after them is answered, the 40 are being served (in flight), not waiting in the listen queue.
      expect((await fetch(`${b!.url}/api/health`)).status).toBe(200);
      b!.process.kill('SIGTERM');
      await expect.poll(() => b!.output().includes('"event":"shutdown.started"')).toBe(true);
      // A new connection (fetch would reuse a kept-alive one, which a closing server still serves) is
      // refused while the 40 are still held in flight. Next logs nothing when it closes its listener: poll.
      await expect.poll(() => newConnectionAnswer(portB), { timeout: 20_000 }).toBe('refused');
      release();
      expect((await Promise.all(answers)).map((x) => x.status)).toEqual(burst.map(() => 303));
      expect(await b!.stop()).toBe(0);
      expect(b!.output()).toContain('"event":"shutdown.complete"');
      const emails = burst.map((p) => p.email);
      expect(await storedEmails(url, emails)).toEqual([...emails].sort());
    });

    await test.step('the logs carry request ids and no email, name or phone', async () => {
      const outputs = { A: a!.output(), B: b!.output() };
      for (const event of ['signup.accepted', 'signup.invalid', 'signup.db_unavailable']) expect(outputs.A).toContain(event);
      for (const id of logged) expect(outputs.A).toContain(`"requestId":"${id}"`);
      for (const output of Object.values(outputs)) {
        for (const value of personal) expect(output).not.toContain(value);
      }
      expect(await a!.stop()).toBe(0);
    });
  } finally {
    for (const [name, app] of [['A', a], ['B', b]] as const) {
      if (app) await testInfo.attach(`instance ${name} output`, { body: app.output(), contentType: 'text/plain' });
    }
    await balancer?.close();
    await b?.stop();
  }
});
