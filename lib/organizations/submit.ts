import 'server-only';
import { randomInt } from 'node:crypto';
import { db, Prisma } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import type { Locale } from '@/lib/i18n/routing';
import { requestLogger } from '@/lib/log';
import { queueMailCtes } from '@/lib/mail/outbox';
import type { MailPayloads } from '@/lib/mail/templates';
import {
  addressKey,
  consumeRateLimit,
  emailKey,
  limiterCteSql,
  organizationRateLimitRules,
  purgeExpiredRateLimits,
  rateLimitCtesSql,
  rateLimitResult,
  type LimiterRow,
  type RateLimitResult,
} from '@/lib/security/rate-limit';
import { organizationHoneypot } from './fields';
import { organizationFieldErrors, organizationSchema, type OrganizationData } from './schema';
import { organizationInputFrom, organizationValuesFrom, type OrganizationFormState, type OrganizationStatus } from './form-state';

export interface OrganizationRequestInput {
  locale: Locale;
  formData: FormData;
  clientAddress: string | null;
  requestId?: string;
}

export type OrganizationOutcome = { ok: true } | { ok: false; state: OrganizationFormState; retryAfterSeconds?: number };

const addressPrefix = 'org:';
const emailPrefix = 'org-email:';

/**
 * One request from the organizations' form: validated with the shared schema, then the rate limits (per client
 * address and per email address), the row and its acknowledgement mail in one statement, so a request is stored
 * exactly when its mail is queued. Never throws for the person's mistakes or a database outage: those come back as a
 * state the form shows with everything typed.
 */
export async function submitOrganizationRequest(input: OrganizationRequestInput): Promise<OrganizationOutcome> {
  const values = organizationValuesFrom(input.formData);
  const log = await requestLogger(input.requestId);
  const refuse = (status: OrganizationStatus, extra: Partial<OrganizationFormState> = {}, retryAfterSeconds?: number): OrganizationOutcome => ({
    ok: false,
    state: { status, values, fieldErrors: {}, ...extra },
    retryAfterSeconds,
  });
  const rules = organizationRateLimitRules();
  const limitKey = addressKey(addressPrefix, input.clientAddress);
  const rateLimited = (limit: RateLimitResult): OrganizationOutcome => {
    log.warn({ event: 'organization_request.rate_limited', locale: input.locale }, 'organization request refused: too many attempts');
    const retryAt = new Date(Date.now() + limit.retryAfterSeconds * 1000).toISOString();
    return refuse('rateLimited', { retryAt }, limit.retryAfterSeconds);
  };
  try {
    const parsed = organizationSchema.safeParse(organizationInputFrom(input.formData));
    if (!parsed.success) {
      const limit = await consumeRateLimit(limitKey, rules.address);
      if (!limit.allowed) return rateLimited(limit);
      const fieldErrors = organizationFieldErrors(parsed.error);
      log.info({ event: 'organization_request.invalid', fields: Object.keys(fieldErrors) }, 'organization request refused: invalid');
      return refuse('invalid', { fieldErrors });
    }
    const honeypot = input.formData.get(organizationHoneypot);
    if (typeof honeypot === 'string' && honeypot.trim() !== '') {
      const limit = await consumeRateLimit(limitKey, rules.address);
      return limit.allowed ? { ok: true } : rateLimited(limit);
    }
    const { limit, emailLimit } = await storeRequest(parsed.data, input.locale, limitKey);
    if (!limit.allowed) return rateLimited(limit);
    if (!emailLimit.allowed) return rateLimited(emailLimit);
    log.info({ event: 'organization_request.accepted', locale: input.locale, kind: parsed.data.kind }, 'organization request stored');
    if (randomInt(50) === 0) {
      await purgeExpiredRateLimits(addressPrefix).catch(() => 0);
      await purgeExpiredRateLimits(emailPrefix).catch(() => 0);
    }
    return { ok: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      log.error({ event: 'organization_request.db_unavailable', err: error }, 'organization request not saved: database unavailable');
      return refuse('unavailable', {}, 30);
    }
    throw error;
  }
}

async function storeRequest(data: OrganizationData, locale: Locale, limitKey: string) {
  const rules = organizationRateLimitRules();
  const payload = { kind: data.kind, purposes: data.purposes } satisfies MailPayloads['organization-request'];
  const rows = await db().$queryRaw<(LimiterRow & { email_points: number; email_expire: bigint; stored: number; queued: number })[]>(Prisma.sql`
    WITH ${rateLimitCtesSql(limitKey, rules.address.windowSeconds * 1000)},
    ${limiterCteSql('email_limiter', emailKey(emailPrefix, data.email), rules.email.windowSeconds * 1000)},
    gate AS (
      SELECT 1 FROM limiter, email_limiter
       WHERE limiter.points <= ${rules.address.points}::int AND email_limiter.points <= ${rules.email.points}::int
    ),
    request AS (
      INSERT INTO organization_requests (organization, kind, contact_name, email, phone, purposes, message, locale)
      SELECT ${data.organization}, ${data.kind}::organization_kind, ${data.contactName}, ${data.email}, ${data.phone},
             ${data.purposes}::text[], ${data.message}, ${locale}
        FROM gate
      RETURNING id
    ),
    ${queueMailCtes({
      name: 'mail',
      from: 'request',
      template: 'organization-request',
      locale: Prisma.sql`${locale}`,
      recipient: Prisma.sql`${data.email}`,
      payload: Prisma.sql`${JSON.stringify(payload)}`,
      candidateId: Prisma.sql`NULL`,
    })}
    SELECT limiter.points, limiter.expire, limiter.now, email_limiter.points AS email_points, email_limiter.expire AS email_expire,
           (SELECT count(*)::int FROM request) AS stored, (SELECT count(*)::int FROM mail_job) AS queued
      FROM limiter, email_limiter`);
  const row = rows[0]!;
  const limit = rateLimitResult(row, rules.address);
  const emailLimit = rateLimitResult({ points: row.email_points, expire: row.email_expire, now: row.now }, rules.email);
  if (limit.allowed && emailLimit.allowed && (row.stored !== 1 || row.queued !== 1)) {
    throw new Error(`organization request statement stored ${row.stored} rows and queued ${row.queued} mails`);
  }
  return { limit, emailLimit };
}
