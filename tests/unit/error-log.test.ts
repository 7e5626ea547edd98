import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('unexpected errors in production', () => {
  it('go through the redacting logger only: the kind, code and stack frames, never the message or text beside it', async () => {
    // What Next does with an error that escapes a page: console.error with the error, and a line naming the URL.
    const script = `
      const { routeConsoleThroughLogger } = await import('./lib/server/error-log.ts');
      routeConsoleThroughLogger();
      const error = Object.assign(new Error('invalid byte sequence in "Maria Lopez <maria.lopez@example.com>"'), { code: '22021', digest: '4242' });
      console.error(error);
      console.error('Failed to handle request for /es/staff/candidates?q=Maria%20Lopez');
      console.warn('maria.lopez@example.com');
    `;
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/support/register-server-only.mjs', '--input-type=module', '-e', script],
      { cwd: projectRoot, env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info' } },
    );
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 50, source: 'console', err: { type: 'Error', code: '22021' }, digest: '4242', msg: 'unexpected error' });
    expect((lines[0]!.frames as string[]).every((frame) => frame.startsWith('at '))).toBe(true);
    expect(lines[1]).toMatchObject({ level: 50, parts: 1, msg: 'unexpected error' });
    expect(lines[2]).toMatchObject({ level: 40, msg: 'warning' });
    expect(stdout).not.toMatch(/maria|lopez|example\.com|q=/i);
  });
});
