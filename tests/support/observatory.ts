// Grades one response's headers the way MDN HTTP Observatory does, offline: its own analyzers and score table
// (tools/observatory, installed on first use), run over the Requests object its scanner would have filled by
// fetching the site, filled here from a response the test already has. Nothing goes to the network.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const toolDir = path.resolve(import.meta.dirname, '../../tools/observatory');
const packageDir = path.join(toolDir, 'node_modules/@mdn/mdn-http-observatory');

export interface ServedResponse {
  /** The address as the visitor sees it (https: the app runs behind a TLS-terminating proxy). */
  url: string;
  status: number;
  headers: { name: string; value: string }[];
  body: string;
}

export interface Grade {
  grade: string;
  score: number;
  /** Each test that lowered the score: `name: result (modifier)`. */
  penalties: string[];
}

async function ensureInstalled(): Promise<void> {
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    // --ignore-scripts: its install scripts download Chromium's HSTS preload list and the TLD list.
    await promisify(execFile)('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: toolDir,
    });
  }
  // The preload list that install script would fetch; no host these tests use is on it.
  const preload = path.join(packageDir, 'conf/hsts-preload.json');
  if (!existsSync(preload)) {
    mkdirSync(path.dirname(preload), { recursive: true });
    writeFileSync(preload, '{}');
  }
}

/** The parts of the package's classes used here (it is plain JavaScript). */
interface ObservatoryRequests {
  responses: Record<'auto' | 'https' | 'cors' | 'http', unknown>;
  resources: { path: string | null };
  session: unknown;
}
interface HeaderStore {
  get(name: string): unknown;
  set(name: string, value: string | string[]): void;
}

const load = <T>(file: string, from = packageDir): Promise<T> => import(pathToFileURL(path.join(from, file)).href);

export async function observatoryGrade(response: ServedResponse): Promise<Grade> {
  await ensureInstalled();
  const { ALL_TESTS } = await load<{ ALL_TESTS: ((r: unknown) => { result: string; constructor: { name: string } })[] }>(
    'src/constants.js',
  );
  const { Requests } = await load<{ Requests: new (host: string) => ObservatoryRequests }>('src/types.js');
  const grader = await load<{
    getScoreModifier(result: string): number;
    getGradeForScore(score: number): { grade: string; score: number };
  }>('src/grader/grader.js');
  const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load<{ MINIMUM_SCORE_FOR_EXTRA_CREDIT: number }>('src/grader/charts.js');
  const { AxiosHeaders } = await load<{ AxiosHeaders: new () => HeaderStore }>('node_modules/axios/index.js', toolDir);
  const { CookieJar } = createRequire(path.join(toolDir, 'package.json'))('tough-cookie') as {
    CookieJar: new () => { setCookieSync(cookie: string, url: string): unknown };
  };

  const url = new URL(response.url);
  const headers = new AxiosHeaders();
  const jar = new CookieJar();
  for (const { name, value } of response.headers) {
    if (name.toLowerCase() === 'set-cookie') {
      headers.set(name, [...((headers.get(name) as string[] | undefined) ?? []), value]);
      jar.setCookieSync(value, url.href);
    } else headers.set(name, value);
  }
  const served = { status: response.status, headers, data: response.body, verified: true, httpEquiv: new Map() };
  const requests = new Requests(url.hostname);
  requests.responses.auto = served;
  requests.responses.https = served;
  requests.responses.cors = served;
  // No plain-http answer to grade: redirecting http to https is the TLS proxy's job, not the app's.
  requests.responses.http = null;
  requests.resources.path = response.body;
  requests.session = { url, jar };

  // As its scanner does (src/scanner/index.js): extra credit only when the uncurved score is already an A.
  let withExtraCredit = 100;
  let uncurved = 100;
  const penalties: string[] = [];
  for (const output of ALL_TESTS.map((test) => test(requests))) {
    const modifier = grader.getScoreModifier(output.result);
    withExtraCredit += modifier;
    if (modifier < 0) {
      uncurved += modifier;
      penalties.push(`${output.constructor.name}: ${output.result} (${modifier})`);
    }
  }
  const { grade, score } = grader.getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved);
  return { grade, score, penalties };
}
