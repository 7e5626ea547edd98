// The ten slowest tests of an `npm test` run, from the JSON reports Vitest and Playwright wrote into the folder
// given (scripts/test.sh): where the suite's time goes, so it stays under its budget as it grows.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Timed {
  seconds: number;
  kind: string;
  name: string;
}

interface VitestReport {
  testResults: { name: string; assertionResults: { fullName: string; duration?: number | null }[] }[];
}

interface PlaywrightSuite {
  title: string;
  file: string;
  specs: { title: string; tests: { results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

const folder = process.argv[2] ?? '.data/test-results';
const root = process.cwd();

function read<T>(file: string): T | undefined {
  const full = path.join(folder, file);
  return existsSync(full) ? (JSON.parse(readFileSync(full, 'utf8')) as T) : undefined;
}

function vitest(file: string, kind: string): Timed[] {
  return (read<VitestReport>(file)?.testResults ?? []).flatMap((result) =>
    result.assertionResults.map((test) => ({
      seconds: (test.duration ?? 0) / 1000,
      kind,
      name: `${path.relative(root, result.name)} › ${test.fullName}`,
    })),
  );
}

function playwright(suites: PlaywrightSuite[], titles: string[] = []): Timed[] {
  return suites.flatMap((suite) => {
    // The top suite of a file is titled with the file's name: leave it out of the test's own titles.
    const inner = suite.title === suite.file ? titles : [...titles, suite.title];
    return [
      ...suite.specs.flatMap((spec) =>
        spec.tests.map((test) => ({
          seconds: test.results.reduce((sum, r) => sum + r.duration, 0) / 1000,
          kind: 'e2e',
          name: `tests/e2e/${suite.file} › ${[...inner, spec.title].join(' › ')}`,
        })),
      ),
      ...playwright(suite.suites ?? [], inner),
    ];
  });
}

const tests = [
  ...vitest('unit.json', 'unit'),
  ...vitest('integration.json', 'integration'),
  ...playwright(read<{ suites: PlaywrightSuite[] }>('e2e.json')?.suites ?? []),
];
const slowest = tests.sort((a, b) => b.seconds - a.seconds).slice(0, 10);
console.log(`\nThe ten slowest of ${tests.length} tests:`);
for (const test of slowest) {
  const name = test.name.length > 150 ? `${test.name.slice(0, 149)}…` : test.name;
  console.log(`${test.seconds.toFixed(1).padStart(7)} s  ${test.kind.padEnd(11)} ${name}`);
}
