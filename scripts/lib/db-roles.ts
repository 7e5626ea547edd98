// Least privilege in PostgreSQL. The migrations run as the tables' owner; the web server connects as a login
// role that is a member of `bilingual_talent_app`, which the migrations grant DML to (and, on audit_events, only
// INSERT and SELECT), with default privileges so tables added by later migrations are granted too. That role
// cannot alter a table, drop a trigger or truncate anything. See docs/security.md for a server set up by hand.
import pg from 'pg';

/** The group role the migrations grant to (prisma/migrations/20261202200001_least_privilege.sql). */
export const APP_GROUP_ROLE = 'bilingual_talent_app';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates, on the server behind `adminUrl` (a role that may create roles), the group role and a login role in
 * it with this password, or sets the password of an existing one. Safe to run from several processes at once.
 */
export async function ensureAppLogin(adminUrl: string, login: { user: string; password: string }): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // Roles are per server: another process (a parallel test run's global setup) may create them at the same time.
    const create = async (sql: string) => {
      try {
        await client.query(sql);
      } catch (error) {
        if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      }
    };
    const exists = async (role: string) => (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
    if (!(await exists(APP_GROUP_ROLE))) await create(`CREATE ROLE ${quoteIdent(APP_GROUP_ROLE)} NOLOGIN`);
    const password = client.escapeLiteral(login.password);
    if (!(await exists(login.user))) await create(`CREATE ROLE ${quoteIdent(login.user)} LOGIN`);
    // Whatever it was before: it logs in, owns nothing, may create nothing, and has only what the group has.
    await client.query(`ALTER ROLE ${quoteIdent(login.user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT PASSWORD ${password}`);
    await client.query(`GRANT ${quoteIdent(APP_GROUP_ROLE)} TO ${quoteIdent(login.user)}`);
  } finally {
    await client.end();
  }
}

/** `url` with another user and password (same server and database). */
export function asUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
