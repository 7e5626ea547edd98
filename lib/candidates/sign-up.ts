import 'server-only';
import { randomInt } from 'node:crypto';
import { db, Prisma } from '@/lib/db/client';
import { serverConfig } from '@/lib/config/env';
import { queueMailCtes } from '@/lib/mail/outbox';
import type { MailPayloads } from '@/lib/mail/templates';
import { issueToken, type IssuedToken } from '@/lib/security/tokens';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { consentNotice, type ConsentNotice } from '@/lib/consent/notice';
import { consentPurposes } from '@/lib/consent/policy';
import {
  addressKey,
  consumeRateLimit,
  emailKey,
  limiterCteSql,
  signUpEmailRateLimitRule,
  purgeExpiredRateLimits,
  rateLimitCtesSql,
  rateLimitResult,
  signUpRateLimitRule,
  type LimiterRow,
  type RateLimitResult,
  type RateLimitRule,
} from '@/lib/security/rate-limit';
import { signUpSchema, fieldErrorsOf, type SignUpData } from './schema';
import { storable } from './evidence';
import {
  honeypotFrom,
  noticeShaFrom,
  signUpInputFrom,
  signUpValuesFrom,
  type SignUpFormState,
  type SignUpStatus,
} from './form-state';

export interface SignUpRequest {
  locale: Locale;
  formData: FormData;
  /** From `clientAddress(headers)`: rate limit key and consent evidence. */
  clientAddress: string | null;
  userAgent: string | null;
  /** Given by proxy.ts's no-JavaScript sign-up, where next/headers is not available; else read from the headers. */
  requestId?: string;
}

export type SignUpOutcome =
  /**
   * Acknowledge it: the same answer whether the email was new, pending, confirmed or revoked, or the form came from
   * a robot. What was stored waits for the address's owner to confirm it through the mailed link.
   */
  | { ok: true }
  | { ok: false; state: SignUpFormState; retryAfterSeconds?: number };

const rateLimitPrefix = 'signup:';
const emailRateLimitPrefix = 'signup-email:';

/**
 * One sign-up attempt: validation with the shared schema, honeypot, then the rate limit, the pending submission,
 * its proof of consent and its confirmation mail in one statement. Never throws for the person's mistakes or for a
 * database outage: those come back as a state the form shows, with everything the person typed.
 */
export async function signUp(request: SignUpRequest): Promise<SignUpOutcome> {
  const values = signUpValuesFrom(request.formData);
  const refuse = (status: SignUpStatus, extra: Partial<SignUpFormState> = {}, retryAfterSeconds?: number): SignUpOutcome => ({
    ok: false,
    state: { status, values, fieldErrors: {}, ...extra },
    retryAfterSeconds,
  });

  const log = await requestLogger(request.requestId);
  const limitKey = addressKey(rateLimitPrefix, request.clientAddress);
  const rule = signUpRateLimitRule();
  const rateLimited = (limit: RateLimitResult, by: 'address' | 'email' = 'address'): SignUpOutcome => {
    log.warn({ event: 'signup.rate_limited', locale: request.locale, by }, 'sign-up refused: too many attempts');
    const retryAt = new Date(Date.now() + limit.retryAfterSeconds * 1000).toISOString();
    return refuse('rateLimited', { retryAt, limitedBy: by }, limit.retryAfterSeconds);
  };
  // Every attempt counts, valid or not, so guessing and flooding cost the same. A valid one is counted by the
  // statement that stores it; any other is counted here, and gets its own answer only within the limit.
  const countedThen = async (answer: () => SignUpOutcome): Promise<SignUpOutcome> => {
    const limit = await consumeRateLimit(limitKey, rule);
    return limit.allowed ? answer() : rateLimited(limit);
  };
  try {
    const parsed = signUpSchema().safeParse(signUpInputFrom(request.formData));
    if (!parsed.success) {
      return await countedThen(() => {
        const fieldErrors = fieldErrorsOf(parsed.error);
        // Which fields failed, never what was typed in them.
        log.info({ event: 'signup.invalid', locale: request.locale, fields: Object.keys(fieldErrors) }, 'sign-up refused: invalid');
        return refuse('invalid', { fieldErrors });
      });
    }

    const notice = consentNotice(request.locale);
    const shown = noticeShaFrom(request.formData);
    if (shown && shown !== notice.sha256) {
      // The page was loaded before the notice changed: consent must be given to the text that is kept.
      return await countedThen(() =>
        refuse('invalid', { fieldErrors: { consent: 'consent.noticeChanged' }, values: { ...values, consent: false } }),
      );
    }

    if (honeypotFrom(request.formData).trim() !== '') {
      return await countedThen(() => {
        log.info({ event: 'signup.honeypot', locale: request.locale }, 'sign-up dropped: honeypot filled');
        return { ok: true };
      });
    }

    const { limit, emailLimit } = await storeSignUp(parsed.data, notice, request, limitKey, rule);
    if (!limit.allowed) return rateLimited(limit);
    if (!emailLimit.allowed) return rateLimited(emailLimit, 'email');
    log.info({ event: 'signup.accepted', locale: request.locale }, 'sign-up stored');
    if (randomInt(100) === 0) {
      await purgeExpiredRateLimits(rateLimitPrefix).catch(() => 0);
      await purgeExpiredRateLimits(emailRateLimitPrefix).catch(() => 0);
    }
    return { ok: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.error({ event: 'signup.db_unavailable', err: error }, 'sign-up not saved: database unavailable');
      return refuse('unavailable', {}, 30);
    }
    throw error;
  }
}

/** The link a sign-up mails to its address: a fresh single-use token, of which only the hash is stored. */
export interface ConfirmationLink {
  token: IssuedToken;
  validDays: number;
}

export function newConfirmationLink(): ConfirmationLink {
  return { token: issueToken(), validDays: serverConfig().SIGNUP_CONFIRM_TTL_DAYS };
}

type SignUpEvidence = Pick<SignUpRequest, 'locale' | 'clientAddress' | 'userAgent'>;

/**
 * The writes of a sign-up, as CTEs of one statement, so one transaction, each happening only if the CTE named
 * `gate` has a row: the consent notice text (once per hash); the candidate by normalized email, created pending
 * when the address is new and otherwise left exactly as it is (the unique index settles concurrent duplicates:
 * INSERT … ON CONFLICT never reads then writes; the no-op update only returns the existing row); the submission
 * as sent, pending until the address's owner confirms it; its consent with the evidence of the request; the
 * confirmation link's hash; and the confirmation mail with its job. Whatever the address was (new, pending,
 * confirmed or revoked), the same rows are written and nothing that is in force changes.
 */
function signUpWriteCtes(data: SignUpData, notice: ConsentNotice, request: SignUpEvidence, link: ConfirmationLink): Prisma.Sql {
  const answers = Prisma.sql`${data.email}, ${data.fullName}, ${data.phone}, ${data.municipality}, ${data.birthYear}::smallint,
      ${data.englishLevel}::english_level, ${data.interests}::text[], ${data.programs}::text[], ${request.locale}`;
  const payload = { token: link.token.token, validDays: link.validDays } satisfies MailPayloads['confirm-sign-up'];
  return Prisma.sql`
    notice AS (
      INSERT INTO consent_notices (sha256, policy_version, locale, text)
      SELECT ${notice.sha256}, ${notice.policyVersion}, ${notice.locale}, ${notice.text} FROM gate
      ON CONFLICT (sha256) DO NOTHING
    ),
    candidate AS (
      INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, status)
      SELECT ${answers}, 'pending' FROM gate
      ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
      RETURNING id
    ),
    submission AS (
      INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale, pending)
      SELECT id, ${answers}, TRUE FROM candidate
      RETURNING id, candidate_id
    ),
    consent AS (
      INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, ip_address, user_agent, adult_statement)
      SELECT candidate_id, id, ${notice.policyVersion}, ${notice.sha256}, ${notice.locale}, ${[...consentPurposes]}::text[],
             ${storable(request.clientAddress, 64)}, ${storable(request.userAgent, 512)}, ${data.adult}
        FROM submission
      RETURNING id
    ),
    link AS (
      INSERT INTO candidate_tokens (candidate_id, purpose, token_hash, submission_id, expires_at)
      SELECT candidate_id, 'confirm_sign_up', ${link.token.hash}, id, clock_timestamp() + make_interval(days => ${link.validDays}::int)
        FROM submission
      RETURNING id
    ),
    ${queueMailCtes({
      name: 'mail',
      from: 'submission',
      template: 'confirm-sign-up',
      locale: Prisma.sql`${request.locale}`,
      recipient: Prisma.sql`${data.email}`,
      payload: Prisma.sql`${JSON.stringify(payload)}`,
      candidateId: Prisma.sql`submission.candidate_id`,
    })}`;
}

/**
 * The writes alone, ungated: what the benchmark's bare baseline runs (with `pg`, from the statement's `text` and
 * `values`), so both do the same database work.
 */
export function signUpInsertStatement(data: SignUpData, notice: ConsentNotice, request: SignUpEvidence, link = newConfirmationLink()): Prisma.Sql {
  return Prisma.sql`WITH gate AS (SELECT 1), ${signUpWriteCtes(data, notice, request, link)}
    SELECT (SELECT count(*)::int FROM consent) AS stored, (SELECT count(*)::int FROM mail_job) AS queued`;
}

async function storeSignUp(
  data: SignUpData,
  notice: ConsentNotice,
  request: SignUpRequest,
  limitKey: string,
  rule: RateLimitRule,
): Promise<{ limit: RateLimitResult; emailLimit: RateLimitResult }> {
  // The rate limits and the writes in one statement, so a sign-up costs one round trip: the attempt is counted per
  // client address (generous: a classroom shares one) and per email address (each accepted sign-up mails it a
  // confirmation, so the address's owner gets a few at most), and the writes happen only within both rules.
  const emailRule = signUpEmailRateLimitRule();
  const rows = await db().$queryRaw<(LimiterRow & { email_points: number; email_expire: bigint; stored: number; queued: number })[]>(Prisma.sql`
    WITH ${rateLimitCtesSql(limitKey, rule.windowSeconds * 1000)},
    ${limiterCteSql('email_limiter', emailKey(emailRateLimitPrefix, data.email), emailRule.windowSeconds * 1000)},
    gate AS (
      SELECT 1 FROM limiter, email_limiter
       WHERE limiter.points <= ${rule.points}::int AND email_limiter.points <= ${emailRule.points}::int
    ),
    ${signUpWriteCtes(data, notice, request, newConfirmationLink())}
    SELECT limiter.points, limiter.expire, limiter.now, email_limiter.points AS email_points, email_limiter.expire AS email_expire,
           (SELECT count(*)::int FROM consent) AS stored, (SELECT count(*)::int FROM mail_job) AS queued
      FROM limiter, email_limiter`);
  const row = rows[0]!;
  const limit = rateLimitResult(row, rule);
  const emailLimit = rateLimitResult({ points: row.email_points, expire: row.email_expire, now: row.now }, emailRule);
  // A consent row and its confirmation mail are what make the sign-up count as stored: never acknowledge one
  // that is not there.
  if (limit.allowed && emailLimit.allowed && (row.stored !== 1 || row.queued !== 1)) {
    throw new Error(`sign-up statement stored ${row.stored} consents and queued ${row.queued} mails`);
  }
  return { limit, emailLimit };
}
