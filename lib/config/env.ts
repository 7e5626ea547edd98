// The server's configuration, read from the environment and checked in one place. A variable that is set but
// malformed is an error, never silently replaced by its default: `instrumentation.ts` (next start) and
// scripts/start.ts (npm start) check it at start-up and stop with one line naming the variable.
import { z } from 'zod';

const positiveInteger = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a positive integer' })
    .int({ error: 'must be a positive integer' })
    .positive({ error: 'must be a positive integer' })
    .default(fallback);
const port = z.coerce
  .number({ error: 'must be a port number (1-65535)' })
  .int({ error: 'must be a port number (1-65535)' })
  .min(1, { error: 'must be a port number (1-65535)' })
  .max(65_535, { error: 'must be a port number (1-65535)' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const staffRoles = ['admin', 'staff'] as const;

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }).optional(),
  DATABASE_POOL_MAX: positiveInteger(10),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInteger(5_000),
  DATABASE_QUERY_TIMEOUT_MS: positiveInteger(15_000),
  EMBEDDED_PG_PORT: port.default(54_329),
  PORT: port.default(3_000),
  INTERNAL_ORIGIN: httpUrl.optional(),
  SIGNUP_RATE_LIMIT_POINTS: positiveInteger(10),
  SIGNUP_RATE_LIMIT_WINDOW_SECONDS: positiveInteger(600),
  TRUST_PROXY: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('1'),
  STAFF_SESSION_IDLE_MINUTES: positiveInteger(30),
  STAFF_SESSION_ABSOLUTE_MINUTES: positiveInteger(480),
  STAFF_COOKIE_SECURE: z.enum(['auto', 'always'], { error: 'must be auto or always' }).default('auto'),
  STAFF_EXPORT_ROLES: z
    .string()
    .transform((raw) => raw.split(',').map((role) => role.trim()).filter(Boolean))
    .pipe(z.array(z.enum(staffRoles, { error: 'must list roles among admin,staff' })).min(1, { error: 'must name at least one role' }))
    .default([...staffRoles]),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  // Read by Next itself (at build time, and checked by next start); validated here so a typo is caught early.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((key) => /^[A-Za-z0-9+/]+={0,2}$/.test(key) && [16, 24, 32].includes(Buffer.from(key, 'base64').length), {
      error: 'must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)',
    })
    .optional(),
  /** Longest wait for requests in flight after SIGTERM before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: positiveInteger(25_000),
});

export type ServerConfig = z.infer<typeof schema>;
const keys = Object.keys(schema.shape) as (keyof ServerConfig)[];

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const buildSchema = z.object({
  SITE_URL: httpUrl.default('http://localhost:3000'),
  AGENCY_EMAIL: z.email({ error: 'must be an email address' }).default('talentobilingue@investpacific.org'),
});

/**
 * Values fixed at build time (prerendered pages carry them). Callers pass `process.env.NAME` literally, so
 * that Next can inline them.
 */
export function parseBuildConfig(env: { SITE_URL: string | undefined; AGENCY_EMAIL: string | undefined }) {
  const result = buildSchema.safeParse({ SITE_URL: env.SITE_URL?.trim() || undefined, AGENCY_EMAIL: env.AGENCY_EMAIL?.trim() || undefined });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(String(issue.path[0]), issue.message);
}

/** The configuration in `env`, or the first problem as a ConfigError. Empty values count as unset. */
export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const input = Object.fromEntries(keys.map((key) => [key, env[key]?.trim() || undefined]));
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError(String(issue.path[0]), issue.message);
}

let cached: { key: string; config: ServerConfig } | undefined;

/** The configuration of this process. Re-read when the environment changes (tests switch databases). */
export function serverConfig(): ServerConfig {
  const key = keys.map((k) => process.env[k] ?? '').join('\u0000');
  if (cached?.key !== key) cached = { key, config: parseConfig(process.env) };
  return cached.config;
}

/** The database URL, which every path that touches the database needs. */
export function databaseUrl(): string {
  const url = serverConfig().DATABASE_URL;
  if (!url) throw new ConfigError('DATABASE_URL', 'is required');
  return url;
}

/**
 * What a server needs to start: a valid configuration with a database. Returns the one line to print, or
 * null when all is well.
 */
export function startupProblem(env: Record<string, string | undefined>, { needsDatabaseUrl = true } = {}): string | null {
  try {
    const config = parseConfig(env);
    if (needsDatabaseUrl && !config.DATABASE_URL) throw new ConfigError('DATABASE_URL', 'is required');
    return null;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}
