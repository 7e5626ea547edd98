import 'server-only';
import { z } from 'zod';
import { db, Prisma } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { queueMailCtes } from '@/lib/mail/outbox';
import type { MailPayloads } from '@/lib/mail/templates';
import { addressKey, rateLimitCtesSql, rateLimitResult, signUpRateLimitRule, type LimiterRow } from '@/lib/security/rate-limit';
import { issueToken } from '@/lib/security/tokens';
import { signUpSchema } from './schema';

// Asking for a link by address: a new confirmation link for a sign-up still pending, or a link to My data. The
// answer is the same whether the address is known or not (nobody learns who signed up); a known one gets the
// mail, queued in the same statement that counts the attempt against the same limit sign-ups have.

/** The one-field form (My data, a new confirmation link): the sign-up's own email rule. */
export const emailRequestSchema = z.object({ email: signUpSchema().shape.email });

export type LinkKind = 'confirm-sign-up' | 'my-data';

export type LinkRequestOutcome =
  | { ok: true }
  | { ok: false; status: 'invalid'; error: string }
  | { ok: false; status: 'rateLimited'; retryAfterSeconds: number }
  | { ok: false; status: 'unavailable' };

const prefixes: Record<LinkKind, string> = { 'confirm-sign-up': 'confirm:', 'my-data': 'mydata:' };

export async function requestLink(request: {
  kind: LinkKind;
  email: string;
  locale: Locale;
  clientAddress: string | null;
  requestId?: string;
}): Promise<LinkRequestOutcome> {
  const log = await requestLogger(request.requestId);
  const rule = signUpRateLimitRule();
  const key = addressKey(prefixes[request.kind], request.clientAddress);
  const parsed = emailRequestSchema.safeParse({ email: request.email });
  const email = parsed.success ? parsed.data.email : null;
  const config = serverConfig();
  const token = issueToken();
  try {
    // An invalid address is counted too, so guessing costs the same as asking.
    const target =
      request.kind === 'my-data'
        ? Prisma.sql`SELECT c.id AS candidate_id, NULL::uuid AS submission_id FROM candidates c, gate WHERE c.email = ${email}`
        : Prisma.sql`SELECT s.candidate_id, s.id AS submission_id
                       FROM submissions s JOIN candidates c ON c.id = s.candidate_id, gate
                      WHERE c.email = ${email} AND s.pending
                      ORDER BY s.created_at DESC, s.id DESC LIMIT 1`;
    const expires =
      request.kind === 'my-data'
        ? Prisma.sql`clock_timestamp() + make_interval(mins => ${config.MY_DATA_LINK_MINUTES}::int)`
        : Prisma.sql`clock_timestamp() + make_interval(days => ${config.SIGNUP_CONFIRM_TTL_DAYS}::int)`;
    const payload =
      request.kind === 'my-data'
        ? ({ token: token.token, validMinutes: config.MY_DATA_LINK_MINUTES } satisfies MailPayloads['my-data-link'])
        : ({ token: token.token, validDays: config.SIGNUP_CONFIRM_TTL_DAYS } satisfies MailPayloads['confirm-sign-up']);
    const rows = await db().$queryRaw<(LimiterRow & { queued: number })[]>(Prisma.sql`
      WITH ${rateLimitCtesSql(key, rule.windowSeconds * 1000)},
      gate AS (SELECT 1 FROM limiter WHERE limiter.points <= ${rule.points}::int AND ${email !== null}::boolean),
      target AS (${target}),
      link AS (
        INSERT INTO candidate_tokens (candidate_id, purpose, token_hash, submission_id, expires_at)
        SELECT candidate_id, ${request.kind === 'my-data' ? 'my_data' : 'confirm_sign_up'}::token_purpose, ${token.hash},
               submission_id, ${expires}
          FROM target
        RETURNING candidate_id
      ),
      ${queueMailCtes({
        name: 'mail',
        from: 'link',
        template: request.kind === 'my-data' ? 'my-data-link' : 'confirm-sign-up',
        locale: Prisma.sql`${request.locale}`,
        recipient: Prisma.sql`${email}`,
        payload: Prisma.sql`${JSON.stringify(payload)}`,
        candidateId: Prisma.sql`link.candidate_id`,
      })}
      SELECT limiter.points, limiter.expire, limiter.now, (SELECT count(*)::int FROM mail_job) AS queued FROM limiter`);
    const limit = rateLimitResult(rows[0]!, rule);
    if (!limit.allowed) {
      log.warn({ event: 'link.rate_limited', kind: request.kind }, 'link request refused: too many attempts');
      return { ok: false, status: 'rateLimited', retryAfterSeconds: limit.retryAfterSeconds };
    }
    if (!parsed.success) return { ok: false, status: 'invalid', error: parsed.error.issues[0]?.message ?? 'email.invalid' };
    // Whether a mail was queued is not logged either: the log must not tell who is registered.
    log.info({ event: 'link.requested', kind: request.kind }, 'link request answered');
    return { ok: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.error({ event: 'link.db_unavailable', err: error }, 'link request not handled: database unavailable');
      return { ok: false, status: 'unavailable' };
    }
    throw error;
  }
}
