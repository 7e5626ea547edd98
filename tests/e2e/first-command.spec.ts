// The README's first command, as a newcomer running as root meets it: the project in a private folder (mode 700,
// as under /root or `mktemp -d`), where the embedded PostgreSQL's `postgres` user can reach neither the binaries
// nor the data inside the clone. The project's files are copied there; node_modules, the generated client and the
// build are hard-linked in (same inodes, but their paths are inside the private folder, which is what matters).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const appPort = Number(process.env.FIRST_COMMAND_APP_PORT ?? 3470);
const pgPort = Number(process.env.FIRST_COMMAND_PG_PORT ?? 54470);
// The local mail catcher the first command runs without SMTP_URL.
const catcherSmtpPort = Number(process.env.FIRST_COMMAND_SMTP_PORT ?? 3471);
const catcherWebPort = Number(process.env.FIRST_COMMAND_MAIL_WEB_PORT ?? 3472);

function linkInto(target: string, relative: string) {
  const from = path.join(projectRoot, relative);
  const to = path.join(target, relative);
  // Hard links need one filesystem; a real copy otherwise (slower, same result).
  let result = spawnSync('cp', ['-al', from, to]);
  if (result.status !== 0) result = spawnSync('cp', ['-a', from, to]);
  if (result.status !== 0) throw new Error(`could not copy ${relative}: ${result.stderr}`);
}

test('as root, a clone in a private folder starts on the embedded database and serves the site, and a sign-up\'s confirmation mail can be read in the mail catcher it prints', async () => {
  test.skip(process.getuid?.() !== 0, 'only root runs the embedded PostgreSQL as another user');
  test.setTimeout(180_000);
  const folder = await mkdtemp(path.join(tmpdir(), 'bt-private-'));
  await chmod(folder, 0o700);
  const clone = path.join(folder, 'bilingual-talent');
  let child: ReturnType<typeof spawn> | undefined;
  let dataDir: string | undefined;
  try {
    // The project's files as they are in this working tree (tracked and new, not ignored).
    const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot });
    const list = files.stdout.toString().split('\0').filter((file) => file && existsSync(path.join(projectRoot, file)));
    await mkdir(clone);
    const copy = spawnSync('cp', ['--parents', '-t', clone, ...list], { cwd: projectRoot });
    expect(copy.status, copy.stderr.toString()).toBe(0);
    for (const built of ['node_modules', 'lib/db/generated', '.next']) linkInto(clone, built);

    child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
      cwd: clone,
      env: {
        ...process.env,
        DATABASE_URL: '',
        PORT: String(appPort),
        EMBEDDED_PG_PORT: String(pgPort),
        SMTP_URL: '',
        MAIL_CATCHER_SMTP_PORT: String(catcherSmtpPort),
        MAIL_CATCHER_WEB_PORT: String(catcherWebPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect
      .poll(() => (child!.exitCode === null ? output : `exited ${child!.exitCode}: ${output}`), { timeout: 150_000 })
      .toContain('Bilingual Talent is running at');
    dataDir = /Database files: (.+)/.exec(output)?.[1]?.trim();

    const page = await fetch(`http://127.0.0.1:${appPort}/es`);
    expect(page.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${appPort}/api/ready`);
    expect(ready.status).toBe(200);
    expect(output).not.toMatch(/EACCES|\n\s+at /);

    // The mail catcher's page is printed next to the site's, and a sign-up's confirmation mail is there.
    const catcher = /Mail catcher \(.*\): (http:\/\/\S+)/.exec(output)?.[1];
    expect(catcher).toBe(`http://127.0.0.1:${catcherWebPort}`);
    const email = `first-command.${Date.now().toString(36)}@example.com`;
    const form = new URLSearchParams({
      fullName: 'Primera Persona',
      email,
      phone: '315 555 0101',
      municipality: '76001',
      birthYear: '1995',
      englishLevel: 'B2',
      interests: 'technology',
      adult: 'yes',
      consent: 'yes',
    });
    const signUp = await fetch(`http://127.0.0.1:${appPort}/es/talent/submit`, { method: 'POST', body: form, redirect: 'manual' });
    expect(signUp.status).toBe(303);
    await expect
      .poll(async () => {
        const mails = (await (await fetch(`${catcher}/api/messages`)).json()) as { subject: string; envelope: { to: string[] } }[];
        return mails.filter((m) => m.envelope.to.includes(email)).map((m) => m.subject);
      }, { timeout: 30_000 })
      .toEqual(['Confirma tu inscripción en Talento Bilingüe']);
    expect(await (await fetch(`${catcher}/`)).text()).toContain('Confirma tu inscripción en Talento Bilingüe');
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(folder, { recursive: true, force: true });
    // The data folder moved to the temp folder (the private clone is out of the postgres user's reach).
    if (dataDir && dataDir.startsWith(tmpdir())) await rm(path.dirname(dataDir), { recursive: true, force: true });
  }
});
