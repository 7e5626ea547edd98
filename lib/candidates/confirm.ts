import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { requestLogger } from '@/lib/log';
import { hashToken, isTokenShaped } from '@/lib/security/tokens';
import { storable } from './evidence';

// Confirming a sign-up (double opt-in). The mailed link opens a page with one button (a GET changes nothing:
// mail scanners fetch links); the button posts the token here. Confirming spends the token and, in one statement,
// marks the submission and its consent confirmed with the evidence of who confirmed (time, client address, user
// agent), applies the submission's details to the candidate (earlier ones stay in the history) and puts the
// consent's purposes in force. Only a confirmation changes a candidate: a sign-up never does by itself.

/** What a confirmation link is, as its page tells the person. */
export type LinkState = 'valid' | 'expired' | 'used' | 'invalid';

export interface TokenLookup {
  token: string;
  purpose: 'confirm_sign_up' | 'my_data';
}

/** The state of a link without spending it (the page a GET shows). */
export async function linkState({ token, purpose }: TokenLookup): Promise<LinkState> {
  if (!isTokenShaped(token)) return 'invalid';
  const rows = await db().$queryRaw<{ used: boolean; expired: boolean }[]>(Prisma.sql`
    SELECT used_at IS NOT NULL AS used, expires_at <= clock_timestamp() AS expired
      FROM candidate_tokens
     WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose}::token_purpose`);
  const row = rows[0];
  if (!row) return 'invalid';
  if (row.used) return 'used';
  return row.expired ? 'expired' : 'valid';
}

export type ConfirmOutcome = { ok: true } | { ok: false; reason: Exclude<LinkState, 'valid'> };

export async function confirmSignUp(request: {
  token: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestId?: string;
}): Promise<ConfirmOutcome> {
  const log = await requestLogger(request.requestId);
  if (!isTokenShaped(request.token)) return { ok: false, reason: 'invalid' };
  const confirmed = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ candidate_id: string }[]>(Prisma.sql`
      WITH spent AS (
        UPDATE candidate_tokens
           SET used_at = clock_timestamp()
         WHERE token_hash = ${hashToken(request.token)} AND purpose = 'confirm_sign_up'
           AND used_at IS NULL AND expires_at > clock_timestamp()
        RETURNING candidate_id, submission_id
      ),
      consent AS (
        UPDATE consents k
           SET confirmed_at = clock_timestamp(),
               confirm_ip_address = ${storable(request.clientAddress, 64)},
               confirm_user_agent = ${storable(request.userAgent, 512)}
          FROM spent
         WHERE k.submission_id = spent.submission_id AND k.revoked_at IS NULL AND k.confirmed_at IS NULL
        RETURNING k.candidate_id, k.submission_id, k.purposes
      ),
      submission AS (
        UPDATE submissions s
           SET pending = FALSE, confirmed_at = clock_timestamp()
          FROM consent
         WHERE s.id = consent.submission_id
        RETURNING s.candidate_id, s.full_name, s.phone, s.municipality, s.birth_year, s.english_level, s.interests,
                  s.programs, s.locale
      ),
      candidate AS (
        UPDATE candidates c
           SET full_name = submission.full_name, phone = submission.phone, municipality = submission.municipality,
               birth_year = submission.birth_year, english_level = submission.english_level,
               interests = submission.interests, programs = submission.programs, locale = submission.locale,
               updated_at = clock_timestamp(),
               status = 'active', consent_purposes = consent.purposes,
               confirmed_at = coalesce(c.confirmed_at, clock_timestamp())
          FROM submission, consent
         WHERE c.id = submission.candidate_id
        RETURNING c.id
      )
      SELECT id AS candidate_id FROM candidate`);
    const candidateId = rows[0]?.candidate_id;
    if (candidateId) await recordAudit({ actor: null, action: 'candidate.confirm', details: { candidateId } }, tx);
    return candidateId ?? null;
  });
  if (confirmed) {
    log.info({ event: 'signup.confirmed' }, 'sign-up confirmed');
    return { ok: true };
  }
  const state = await linkState({ token: request.token, purpose: 'confirm_sign_up' });
  // A token spent just now whose consent could not be confirmed (revoked meanwhile) reads as used.
  const reason = state === 'valid' ? 'used' : state;
  log.info({ event: 'signup.confirm_refused', reason }, 'confirmation link refused');
  return { ok: false, reason };
}
