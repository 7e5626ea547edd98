// The embedded PostgreSQL's passwords: random per installation, kept beside the cluster in the git-ignored data
// folder (`.data/postgres.credentials.json`, mode 0600), never a fixed `postgres`. Two roles log in: the
// superuser `postgres`, which creates databases and runs the migrations (it owns the tables), and
// `bilingual_talent_web`, a member of the `bilingual_talent_app` group role the migrations grant to, which the
// web server connects as (scripts/lib/db-roles.ts).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';

export const EMBEDDED_SUPERUSER = 'postgres';
export const EMBEDDED_APP_USER = 'bilingual_talent_web';
/** What clusters made before passwords were random were created with. */
export const LEGACY_PASSWORD = 'postgres';

export interface EmbeddedCredentials {
  superuserPassword: string;
  appPassword: string;
  /**
   * Set while the superuser's password in the cluster may still be this older one (a cluster made with the fixed
   * password): the first start after the change sets the new one and clears this.
   */
  previousSuperuserPassword?: string;
}

export function credentialsFile(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.credentials.json`;
}

function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

export async function readCredentials(dataDir: string): Promise<EmbeddedCredentials | null> {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as EmbeddedCredentials;
}

export async function writeCredentials(dataDir: string, credentials: EmbeddedCredentials): Promise<void> {
  const file = credentialsFile(dataDir);
  const staging = `${file}.${randomBytes(4).toString('hex')}`;
  await writeFile(staging, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await rename(staging, file);
}

/**
 * The credentials of the cluster in `dataDir`, made on first use. A cluster that exists without them was made
 * with the old fixed password: the new one is recorded as pending until the superuser's password is changed.
 */
export async function ensureCredentials(dataDir: string, clusterExists: boolean): Promise<EmbeddedCredentials> {
  const existing = await readCredentials(dataDir);
  if (existing) return existing;
  const credentials: EmbeddedCredentials = {
    superuserPassword: newPassword(),
    appPassword: newPassword(),
    ...(clusterExists ? { previousSuperuserPassword: LEGACY_PASSWORD } : {}),
  };
  await writeCredentials(dataDir, credentials);
  return credentials;
}

export function embeddedUrl(port: number, database: string, user: string, password: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}
