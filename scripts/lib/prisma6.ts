// Prisma 6.19's CLI (kept in tools/prisma6) computes SQL between a schema file and a live database with a
// WebAssembly schema engine, so it works offline where Prisma 7 Migrate cannot. It only writes and checks
// migrations; dbmate applies them.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');
const toolDir = path.join(projectRoot, 'tools/prisma6');

export async function ensurePrisma6(): Promise<void> {
  if (existsSync(path.join(toolDir, 'node_modules/.bin/prisma'))) return;
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolDir });
}

/** Prisma 6 insists on a `url` in the datasource; Prisma 7 forbids it. Write a Prisma 6 copy. */
async function prisma6Schema(): Promise<string> {
  const source = await readFile(path.join(projectRoot, 'prisma/schema.prisma'), 'utf8');
  const patched = source.replace(
    /datasource db \{\s*provider\s*=\s*"postgresql"\s*\}/,
    'datasource db {\n  provider = "postgresql"\n  url      = env("PRISMA6_DATABASE_URL")\n}',
  );
  if (patched === source) throw new Error('prisma/schema.prisma: datasource block not in the expected form');
  const dir = await mkdtemp(path.join(tmpdir(), 'prisma6-'));
  const file = path.join(dir, 'schema.prisma');
  await writeFile(file, patched);
  return file;
}

/**
 * SQL that turns the database at `databaseUrl` into what prisma/schema.prisma describes
 * (`from: 'empty'` ignores the database's contents). An empty string means they agree.
 */
export async function diffToSchema(databaseUrl: string, from: 'database' | 'empty'): Promise<string> {
  await ensurePrisma6();
  const schema = await prisma6Schema();
  const fromArgs = from === 'empty' ? ['--from-empty'] : ['--from-schema-datasource', schema];
  const stubEngine = path.join(tmpdir(), 'prisma6-no-query-engine.so.node');
  if (!existsSync(stubEngine)) await writeFile(stubEngine, '');
  const { stdout } = await run(
    path.join(toolDir, 'node_modules/.bin/prisma'),
    ['migrate', 'diff', ...fromArgs, '--to-schema-datamodel', schema, '--script'],
    {
      cwd: toolDir,
      env: {
        ...process.env,
        PRISMA6_SCHEMA: schema,
        PRISMA6_DATABASE_URL: databaseUrl,
        // Neither engine is used with engine "js", but the CLI checks that the files exist before it starts.
        PRISMA_QUERY_ENGINE_LIBRARY: stubEngine,
        PRISMA_SCHEMA_ENGINE_BINARY: path.join(projectRoot, 'scripts/prisma-engine-standin.sh'),
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('Loaded Prisma config'))
    .join('\n')
    .replace(/^-- This is an empty migration\.\s*$/m, '')
    .trim();
}
