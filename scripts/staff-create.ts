// `npm run staff:create -- --email <email> --name "<name>" --role admin|staff`
// Creates a staff account. The password comes from STAFF_PASSWORD or is asked for without echo; it is
// never a command-line argument (those end up in shell history and the process list).
// Uses DATABASE_URL, or the embedded database of `npm start` (which must be running) when it is unset.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from './lib/embedded-postgres.ts';
import { EMBEDDED_SUPERUSER, embeddedUrl, readCredentials } from './lib/embedded-credentials.ts';
import { createStaffAccountAsOperator } from '../lib/staff/accounts.ts';
import { disconnectDb } from '../lib/db/client.ts';
import { isStaffRole } from '../lib/staff/roles.ts';
import { minPasswordLength } from '../lib/staff/password.ts';
import en from '../messages/en.json' with { type: 'json' };

const projectRoot = path.resolve(import.meta.dirname, '..');

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run staff:create -- --email <email> --name "<name>" --role admin|staff`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
  strict: true,
});
if (values.password !== undefined) usage('Do not pass the password on the command line: set STAFF_PASSWORD or type it when asked.');
if (!values.email) usage('--email is required.');
if (!values.name) usage('--name is required.');
if (!isStaffRole(values.role)) usage('--role must be admin or staff.');

/** Read a line from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) usage('No terminal to ask for the password: set STAFF_PASSWORD.');
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let typed = '';
  return new Promise((resolve) => {
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

let password = process.env.STAFF_PASSWORD;
if (!password) {
  password = await askHidden(`Password for ${values.email} (at least ${minPasswordLength} characters): `);
  const again = await askHidden('Type it again: ');
  if (again !== password) usage('The two passwords differ.');
}

if (!process.env.DATABASE_URL) {
  // The embedded database of `npm start`, with this installation's password (never a fixed one).
  const dataDir = resolveDataDir(path.join(projectRoot, '.data/postgres'));
  const credentials = await readCredentials(dataDir);
  if (!credentials) usage('DATABASE_URL is not set and there is no embedded database yet: run `npm start` once first.');
  process.env.DATABASE_URL = embeddedUrl(Number(process.env.EMBEDDED_PG_PORT ?? 54329), 'bilingual_talent', EMBEDDED_SUPERUSER, credentials!.superuserPassword);
}
try {
  const result = await createStaffAccountAsOperator(
    { email: values.email, name: values.name, role: values.role, password },
    'cli',
  );
  if (!result.ok) {
    const messages = en.StaffErrors as unknown as Record<string, string | Record<string, string>>;
    for (const [field, key] of Object.entries(result.errors)) {
      const [group, sub] = key.split('.');
      const text = sub ? (messages[group!] as Record<string, string>)[sub] : (messages[key] as string);
      console.error(`${field}: ${text ?? key}`);
    }
    process.exitCode = 1;
  } else {
    console.log(`Created ${values.role} account ${result.email}.`);
  }
} finally {
  await disconnectDb();
}
