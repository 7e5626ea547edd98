import 'server-only';
import { randomInt } from 'node:crypto';
import { db } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { consentNotice, type ConsentNotice } from '@/lib/consent/notice';
import { consentPurposes } from '@/lib/consent/policy';
import {
  addressKey,
  consumeRateLimit,
  purgeExpiredRateLimits,
  rateLimitCtes,
  rateLimitResult,
  signUpRateLimitRule,
  type LimiterRow,
  type RateLimitResult,
  type RateLimitRule,
} from '@/lib/security/rate-limit';
import { signUpSchema, fieldErrorsOf, type SignUpData } from './schema';
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
  /** Set by a route proxy.ts does not run for, which gives itself its request id; else read from the headers. */
  requestId?: string;
}

export type SignUpOutcome =
  /** Acknowledge it: the same answer whether the email was new, known, or the form came from a robot. */
  | { ok: true }
  | { ok: false; state: SignUpFormState; retryAfterSeconds?: number };

const rateLimitPrefix = 'signup:';

/**
 * One sign-up attempt: validation with the shared schema, honeypot, then the rate limit, the candidate, the
 * submission and the proof of consent in one statement. Never throws for the person's mistakes or for a
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
  const rateLimited = (limit: RateLimitResult): SignUpOutcome => {
    log.warn({ event: 'signup.rate_limited', locale: request.locale }, 'sign-up refused: too many attempts');
    return refuse('rateLimited', {}, limit.retryAfterSeconds);
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

    const limit = await storeSignUp(parsed.data, notice, request, limitKey, rule);
    if (!limit.allowed) return rateLimited(limit);
    log.info({ event: 'signup.accepted', locale: request.locale }, 'sign-up stored');
    if (randomInt(100) === 0) await purgeExpiredRateLimits(rateLimitPrefix).catch(() => 0);
    return { ok: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.error({ event: 'signup.db_unavailable', err: error }, 'sign-up not saved: database unavailable');
      return refuse('unavailable', {}, 30);
    }
    throw error;
  }
}

/**
 * The writes of a sign-up, as CTEs of one statement, so one transaction: the consent notice text (once per
 * hash), the candidate upserted by normalized email (the unique index settles concurrent duplicates: INSERT …
 * ON CONFLICT never reads then writes), the submission as sent (the candidate's history) and the consent
 * pointing at both. Each write happens only if the CTE named `gate` has a row.
 */
const signUpWriteCtes = `
    notice AS (
      INSERT INTO consent_notices (sha256, policy_version, locale, text)
      SELECT $1, $2, $3, $4 FROM gate
      ON CONFLICT (sha256) DO NOTHING
    ),
    candidate AS (
      INSERT INTO candidates (email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale)
      SELECT $5, $6, $7, $8, $9::smallint, $10::english_level, $11::text[], $12::text[], $13
        FROM gate
      ON CONFLICT (email) DO UPDATE SET
        full_name = EXCLUDED.full_name,
        phone = EXCLUDED.phone,
        municipality = EXCLUDED.municipality,
        birth_year = EXCLUDED.birth_year,
        english_level = EXCLUDED.english_level,
        interests = EXCLUDED.interests,
        programs = EXCLUDED.programs,
        locale = EXCLUDED.locale,
        updated_at = CURRENT_TIMESTAMP
      RETURNING id
    ),
    submission AS (
      INSERT INTO submissions (candidate_id, email, full_name, phone, municipality, birth_year, english_level, interests, programs, locale)
      SELECT id, $5, $6, $7, $8, $9::smallint, $10::english_level, $11::text[], $12::text[], $13
        FROM candidate
      RETURNING id, candidate_id
    ),
    consent AS (
      INSERT INTO consents (candidate_id, submission_id, policy_version, notice_sha256, locale, purposes, ip_address, user_agent)
      SELECT candidate_id, id, $2, $1, $3, $14::text[], $15, $16
        FROM submission
      RETURNING id
    )`;

/** The writes alone, ungated: what the benchmark's bare baseline runs with `signUpInsertParams`. */
export const signUpInsertSql = `WITH gate AS (SELECT 1), ${signUpWriteCtes} SELECT count(*)::int AS stored FROM consent`;

/**
 * The rate limit and the writes in one statement, so a sign-up costs one round trip: the attempt is counted,
 * and the writes happen only when the count is within the rule (parameters 17 to 19 after the insert's).
 */
const rateLimitedSignUpSql = `
    WITH ${rateLimitCtes('$17', '$18')},
    gate AS (SELECT 1 FROM limiter WHERE limiter.points <= $19::int),
    ${signUpWriteCtes}
    SELECT limiter.points, limiter.expire, limiter.now, (SELECT count(*)::int FROM consent) AS stored FROM limiter`;

export function signUpInsertParams(
  data: SignUpData,
  notice: ConsentNotice,
  request: Pick<SignUpRequest, 'locale' | 'clientAddress' | 'userAgent'>,
): unknown[] {
  return [
    notice.sha256,
    notice.policyVersion,
    notice.locale,
    notice.text,
    data.email,
    data.fullName,
    data.phone,
    data.municipality,
    data.birthYear,
    data.englishLevel,
    data.interests,
    data.programs,
    request.locale,
    [...consentPurposes],
    storable(request.clientAddress, 64),
    storable(request.userAgent, 512),
  ];
}

async function storeSignUp(
  data: SignUpData,
  notice: ConsentNotice,
  request: SignUpRequest,
  limitKey: string,
  rule: RateLimitRule,
): Promise<RateLimitResult> {
  const rows = await db().$queryRawUnsafe<(LimiterRow & { stored: number })[]>(
    rateLimitedSignUpSql,
    ...signUpInsertParams(data, notice, request),
    limitKey,
    rule.windowSeconds * 1000,
    rule.points,
  );
  const row = rows[0]!;
  const limit = rateLimitResult(row, rule);
  // A consent row is what makes the sign-up count as stored: never acknowledge one that is not there.
  if (limit.allowed && row.stored !== 1) throw new Error(`sign-up statement stored ${row.stored} consents`);
  return limit;
}

/**
 * Evidence from request headers, as text PostgreSQL accepts (no NUL) and that reads back as sent (no lone
 * surrogates, which would be stored as U+FFFD). Cut first, then cleaned: the cut may split a surrogate pair.
 */
function storable(value: string | null, maxLength: number): string | null {
  return value === null ? null : value.slice(0, maxLength).replace(/[\p{Cc}\p{Cs}]/gu, '');
}

