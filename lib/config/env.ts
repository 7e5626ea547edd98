// The server's configuration, read from the environment and checked in one place. A variable that is set but
// malformed is an error, never silently replaced by its default: `instrumentation.ts` (next start) and
// scripts/start.ts (npm start) check it at start-up and stop with one line naming the variable.
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseTrustedProxies } from '../security/trusted-proxies.ts';

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
const nonNegativeInteger = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a whole number, 0 or more' })
    .int({ error: 'must be a whole number, 0 or more' })
    .min(0, { error: 'must be a whole number, 0 or more' })
    .default(fallback);
// An address, or a display name followed by an address in angle brackets.
const mailFromPattern = /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const staffRoles = ['admin', 'staff', 'privacy'] as const;

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }).optional(),
  /** The tables' owner, for migrations (npm start, npm run db:migrate); unset: DATABASE_URL. See docs/security.md. */
  DATABASE_OWNER_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }).optional(),
  DATABASE_POOL_MAX: positiveInteger(10),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInteger(5_000),
  DATABASE_QUERY_TIMEOUT_MS: positiveInteger(15_000),
  EMBEDDED_PG_PORT: port.default(54_329),
  PORT: port.default(3_000),
  // Per client address: high enough for a class signing up together on one school network.
  SIGNUP_RATE_LIMIT_POINTS: positiveInteger(60),
  SIGNUP_RATE_LIMIT_WINDOW_SECONDS: positiveInteger(600),
  // Per email address: each accepted sign-up mails a confirmation, so one address gets at most this many.
  SIGNUP_EMAIL_RATE_LIMIT_POINTS: positiveInteger(3),
  SIGNUP_EMAIL_RATE_LIMIT_WINDOW_SECONDS: positiveInteger(3_600),
  // Replaced by TRUSTED_PROXIES: a deployment that still sets it would otherwise trust nobody without noticing,
  // and every client behind its proxy would share the proxy's address.
  TRUST_PROXY: z.undefined({ error: 'was replaced by TRUSTED_PROXIES (the CIDRs of the proxies in front, e.g. 127.0.0.1/32)' }),
  /** Peers whose X-Forwarded-For and X-Request-Id are believed (lib/security/client-address-hook.ts). */
  TRUSTED_PROXIES: z
    .string()
    .superRefine((raw, ctx) => {
      try {
        parseTrustedProxies(raw);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `must be comma-separated CIDRs: ${(error as Error).message}` });
      }
    })
    .default(''),
  /** The address `npm start` binds next start to: loopback, behind nginx, unless told otherwise. */
  BIND_ADDRESS: z
    .string()
    .refine((value) => isIP(value) !== 0, { error: 'must be an IP address (127.0.0.1, ::1, 0.0.0.0)' })
    .default('127.0.0.1'),
  STAFF_SESSION_IDLE_MINUTES: positiveInteger(30),
  STAFF_SESSION_ABSOLUTE_MINUTES: positiveInteger(480),
  // `Secure` always; `plain-http-localhost` lets a trial on http://localhost in a browser that refuses Secure
  // cookies there (Safari) use a plain cookie, and only on loopback host names.
  STAFF_COOKIE_SECURE: z.enum(['always', 'plain-http-localhost'], { error: 'must be always or plain-http-localhost' }).default('always'),
  /** Who must use a second factor (TOTP): `admins`, `all`, or `optional` (local trials). */
  STAFF_MFA: z.enum(['admins', 'all', 'optional'], { error: 'must be admins, all or optional' }).default('admins'),
  STAFF_EXPORT_ROLES: z
    .string()
    .transform((raw) => raw.split(',').map((role) => role.trim()).filter(Boolean))
    .pipe(z.array(z.enum(staffRoles, { error: 'must list roles among admin,staff,privacy' })).min(1, { error: 'must name at least one role' }))
    .default(['admin', 'staff']),
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
  // Mail (lib/mail). Unset SMTP_URL: `npm start` runs the local mail catcher and sets it; `next start` without it
  // keeps mails queued in the outbox (nothing is lost) and says so once in the log.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)' })
    .optional(),
  /** The sender of every mail: an address, or "Name <address>". */
  MAIL_FROM: z
    .string()
    .refine((value) => mailFromPattern.test(value), { error: 'must be an address or "Name <address>"' })
    .optional(),
  /** `off`: this instance queues mails but does not deliver them (another instance, or a later start, will). */
  MAIL_WORKER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  MAIL_CONCURRENCY: positiveInteger(8),
  /**
   * Queued jobs each instance fetches (and locks) per query: above 1, a busy queue costs the database far less, but
   * jobs an instance that crashed had fetched wait until their lock expires (4 h) before another instance runs them.
   */
  MAIL_BATCH: positiveInteger(16),
  /** SMTP connections kept open per instance. */
  MAIL_SMTP_CONNECTIONS: positiveInteger(2),
  /** Mails per second per instance; 0: as fast as the server takes them. */
  MAIL_RATE_PER_SECOND: nonNegativeInteger(0),
  MAIL_CATCHER_SMTP_PORT: port.default(1_025),
  MAIL_CATCHER_WEB_PORT: port.default(1_080),
  /**
   * The job worker folds the dashboard's pending count changes into its counts this often (minutes, 1–59). The
   * dashboard is exact either way; a longer interval only leaves it more changes to add up.
   */
  CANDIDATE_COUNTS_FOLD_MINUTES: positiveInteger(1).refine((n) => n <= 59, { error: 'must be 59 or less' }),
  /** Confirmation links of a sign-up stay valid this long. */
  SIGNUP_CONFIRM_TTL_DAYS: positiveInteger(7),
  /** Sign-ups never confirmed are deleted, with their evidence, after this many days. */
  SIGNUP_PENDING_RETENTION_DAYS: positiveInteger(30),
  /** A link to My data stays valid this long, and its session lasts this long after it is opened. */
  MY_DATA_LINK_MINUTES: positiveInteger(30),
  MY_DATA_SESSION_MINUTES: positiveInteger(30),
  // Retention (lib/retention, docs/operations.md): what the daily job deletes, and after how long.
  /** A candidate who revoked every consent is deleted this many days after the revocation (only its proof stays). */
  RETENTION_REVOKED_DAYS: positiveInteger(180),
  /** Earlier submissions of a candidate (not the current one, nor the one holding the consent in force) are kept this many months. */
  RETENTION_SUBMISSIONS_MONTHS: positiveInteger(12),
  /** Staff sign-in attempts are kept this many days. */
  RETENTION_SIGN_IN_ATTEMPTS_DAYS: positiveInteger(90),
  /** Staff sessions are kept this many days after they ended (expired or signed out): the members page lists them. */
  RETENTION_STAFF_SESSIONS_DAYS: positiveInteger(90),
  /** Candidates' mailed links and My data sessions are kept this many days after they expired. */
  RETENTION_CANDIDATE_LINKS_DAYS: positiveInteger(1),
  /** Rate-limit counters are kept this many hours after their window ended. */
  RETENTION_RATE_LIMIT_HOURS: positiveInteger(24),
  /**
   * Key of the HMAC the audit keeps instead of a staff search's text (lib/audit/search.ts); unset: only which filters
   * were used. At least 32 characters (openssl rand -base64 32); changing it makes older hashes unverifiable.
   */
  AUDIT_HMAC_KEY: z.string().min(32, { error: 'must be at least 32 characters (openssl rand -base64 32)' }).optional(),
  /**
   * Announcement mails (lib/opportunities/announce.ts) released into the outbox per minute, across all instances and
   * opportunities: what the agency's mail provider and reputation allow for bulk mail.
   */
  ANNOUNCE_MAILS_PER_MINUTE: positiveInteger(600),
  /** The public talent-pool page (and its CSV) is regenerated at most this often. */
  TALENT_POOL_REVALIDATE_SECONDS: positiveInteger(3_600),
  /** Bearer token for POST /api/talent-pool/revalidate (regenerate now); unset, that route answers 404. */
  TALENT_POOL_REVALIDATE_TOKEN: z.string().min(32, { error: 'must be at least 32 characters (openssl rand -base64 32)' }).optional(),
  /** Signs the thank-you page's cookie (lib/candidates/thanks-cookie.ts, which reads it directly: proxy.ts). */
  SIGNUP_COOKIE_SECRET: z.string().min(32, { error: 'must be at least 32 characters (openssl rand -base64 32)' }).optional(),
  /** Organizations' requests (/join) allowed per client address and window. */
  ORG_REQUEST_RATE_LIMIT_POINTS: positiveInteger(10),
  ORG_REQUEST_RATE_LIMIT_WINDOW_SECONDS: positiveInteger(3_600),
});

export type ServerConfig = z.infer<typeof schema>;
const keys = Object.keys(schema.shape) as (keyof ServerConfig)[];

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

const optionalText = (max: number, error: string) =>
  z
    .string()
    .max(max, { error })
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { error })
    .optional();

const buildSchema = z.object({
  SITE_URL: httpUrl.default('http://localhost:3000'),
  AGENCY_EMAIL: z.email({ error: 'must be an email address' }).default('talentobilingue@investpacific.org'),
  // The agency's texts (shared/seeds) give its city and website but no street address, phone or tax id: those are
  // shown in the footer only once configured.
  AGENCY_ADDRESS: optionalText(200, 'must be one line of at most 200 characters').default('Cali, Valle del Cauca, Colombia'),
  AGENCY_PHONE: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{6,24}$/, { error: 'must be a phone number such as +57 602 123 4567' })
    .optional(),
  /** Colombian NIT: nine digits and a check digit, written 900.123.456-7 or 900123456-7. */
  AGENCY_TAX_ID: z
    .string()
    .regex(/^(?:\d{3}\.\d{3}\.\d{3}|\d{9})-\d$/, { error: 'must be a NIT such as 900.123.456-7' })
    .optional(),
  /** The area that handles candidates' requests (consultas y reclamos), named in the notice and the policy. */
  AGENCY_REQUESTS_AREA: optionalText(120, 'must be one line of at most 120 characters').default('Área de Protección de Datos Personales'),
  AGENCY_WEBSITE: z.url({ protocol: /^https$/, error: 'must be an https URL' }).default('https://investpacific.org/'),
  /** Comma-separated https addresses of the agency's profiles (LinkedIn, Instagram, …). */
  AGENCY_SOCIAL_LINKS: z
    .string()
    .transform((raw) => raw.split(',').map((link) => link.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https$/, error: 'must list https URLs separated by commas' })))
    .default([]),
  // Also a server variable (above): the confirmation page, prerendered, names the sender the mails come from.
  MAIL_FROM: z
    .string()
    .refine((value) => mailFromPattern.test(value), { error: 'must be an address or "Name <address>"' })
    .optional(),
});

export type BuildConfig = z.infer<typeof buildSchema>;
export type BuildEnv = Record<keyof typeof buildSchema.shape, string | undefined>;

/**
 * Values fixed at build time (prerendered pages carry them). Callers pass `process.env.NAME` literally, so
 * that Next can inline them. Empty values count as unset.
 */
export function parseBuildConfig(env: Partial<BuildEnv> & Pick<BuildEnv, 'SITE_URL' | 'AGENCY_EMAIL'>): BuildConfig {
  const input = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value?.trim() || undefined]));
  const result = buildSchema.safeParse(input);
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
