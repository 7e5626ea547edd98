import 'server-only';
import { db, Prisma } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { recordAudit } from '@/lib/audit/record';
import { consentPurposes, type ConsentPurpose } from '@/lib/consent/policy';
import { hashToken, isTokenShaped } from '@/lib/security/tokens';
import { purposeFor } from './matching';

// The two links of an announcement mail, both carrying the token whose SHA-256 is on the candidate's pipeline row
// (lib/opportunities/announce.ts). Opening either changes nothing (mail programs and scanners fetch links); the
// button on the page posts. "I'm interested" counts once per candidate and opportunity; unsubscribing withdraws
// the consent for that opportunity's purpose (training offers or job opportunities) at once, once, with the same
// evidence My data keeps (a consent_withdrawals row) — and with RFC 8058 one-click, from the mail program itself.

export interface OpportunityLink {
  opportunityId: string;
  kind: 'cohort' | 'job';
  slug: string;
  titleEs: string;
  titleEn: string;
  purpose: ConsentPurpose;
  /** "I'm interested" was already recorded. */
  interested: boolean;
  /** The consent for this opportunity's purpose is still in force. */
  subscribed: boolean;
}

/**
 * What a link's page shows (no one named: the opportunity, and whether each action is still to do); null for an
 * unknown token; 'unavailable' while the database is down, which the page says rather than failing.
 */
export async function opportunityLink(token: string): Promise<OpportunityLink | null | 'unavailable'> {
  try {
    return await readOpportunityLink(token);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return 'unavailable';
  }
}

async function readOpportunityLink(token: string): Promise<OpportunityLink | null> {
  if (!isTokenShaped(token)) return null;
  const [row] = await db().$queryRaw<
    { opportunity_id: string; kind: 'cohort' | 'job'; slug: string; title_es: string; title_en: string; interested: boolean; purposes: string[] | null; status: string }[]
  >(Prisma.sql`
    SELECT o.id AS opportunity_id, o.kind::text AS kind, o.slug, o.title_es, o.title_en, oc.interested_at IS NOT NULL AS interested,
           c.consent_purposes AS purposes, c.status::text AS status
      FROM opportunity_candidates oc
      JOIN opportunities o ON o.id = oc.opportunity_id
      JOIN candidates c ON c.id = oc.candidate_id
     WHERE oc.link_token_hash = ${hashToken(token)}`);
  if (!row) return null;
  const purpose = purposeFor(row.kind);
  return {
    opportunityId: row.opportunity_id,
    kind: row.kind,
    slug: row.slug,
    titleEs: row.title_es,
    titleEn: row.title_en,
    purpose,
    interested: row.interested,
    subscribed: row.status === 'active' && (row.purposes ?? []).includes(purpose),
  };
}

export type LinkActionOutcome = 'done' | 'already' | 'invalid';

/**
 * "I'm interested": the pair's interested_at, and its status moves from announced to interested (a status staff
 * already moved further stays where it is). Single-use: the second post finds interested_at set and changes nothing.
 */
export async function recordInterest(token: string): Promise<LinkActionOutcome> {
  if (!isTokenShaped(token)) return 'invalid';
  const hash = hashToken(token);
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ opportunity_id: string; candidate_id: string; status: string }[]>(Prisma.sql`
      UPDATE opportunity_candidates
         SET interested_at = clock_timestamp(), updated_at = clock_timestamp(),
             status = CASE WHEN status = 'announced' THEN 'interested'::pipeline_status ELSE status END
       WHERE link_token_hash = ${hash} AND interested_at IS NULL
      RETURNING opportunity_id, candidate_id, status::text AS status`);
    if (!row) {
      const [known] = await tx.$queryRaw<{ one: number }[]>(Prisma.sql`SELECT 1 AS one FROM opportunity_candidates WHERE link_token_hash = ${hash}`);
      return known ? 'already' : 'invalid';
    }
    // The candidate's own step in the pipeline's history (no staff member: staff_user_id NULL).
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO opportunity_pipeline_events (opportunity_id, candidate_id, status, note)
      VALUES (${row.opportunity_id}::uuid, ${row.candidate_id}::uuid, ${row.status}::pipeline_status, NULL)`);
    await recordAudit(
      { actor: null, action: 'candidate.opportunity-interested', details: { candidateId: row.candidate_id, opportunityId: row.opportunity_id } },
      tx,
    );
    return 'done';
  });
}

/**
 * Unsubscribe: withdraw the consent for the opportunity's purpose. As from My data, the other purposes stay in
 * force; with none left, every consent is revoked and the candidate's state is revoked. Mails of that purpose
 * still queued are then not sent (lib/mail/deliver.ts). `source` says how: the page's button or the mail
 * program's one-click POST.
 */
export async function unsubscribe(token: string, source: 'unsubscribe-link' | 'list-unsubscribe'): Promise<LinkActionOutcome> {
  if (!isTokenShaped(token)) return 'invalid';
  const hash = hashToken(token);
  return db().$transaction(async (tx) => {
    // The candidate's row is locked: two posts at once (a person and their mail program) withdraw once.
    const [pair] = await tx.$queryRaw<{ opportunity_id: string; candidate_id: string; kind: 'cohort' | 'job'; purposes: string[] | null; status: string }[]>(
      Prisma.sql`
        SELECT oc.opportunity_id, oc.candidate_id, o.kind::text AS kind, c.consent_purposes AS purposes, c.status::text AS status
          FROM opportunity_candidates oc
          JOIN opportunities o ON o.id = oc.opportunity_id
          JOIN candidates c ON c.id = oc.candidate_id
         WHERE oc.link_token_hash = ${hash}
           FOR UPDATE OF c`,
    );
    if (!pair) return 'invalid';
    const purpose = purposeFor(pair.kind);
    const current = pair.purposes ?? [];
    if (!current.includes(purpose)) return 'already';
    const remaining = current.filter((p) => p !== purpose && (consentPurposes as readonly string[]).includes(p));
    const now = new Date();
    await tx.candidate.update({
      where: { id: pair.candidate_id },
      data: remaining.length > 0 ? { consentPurposes: remaining, status: 'active' } : { consentPurposes: [], status: pair.status === 'pending' ? 'pending' : 'revoked' },
      select: { id: true },
    });
    if (remaining.length === 0) {
      await tx.consent.updateMany({ where: { candidateId: pair.candidate_id, revokedAt: null }, data: { revokedAt: now } });
      // A confirmation link mailed before cannot put consent back in force.
      await tx.candidateToken.updateMany({ where: { candidateId: pair.candidate_id, purpose: 'confirm_sign_up', usedAt: null }, data: { usedAt: now } });
    }
    await tx.consentWithdrawal.create({ data: { candidateId: pair.candidate_id, purposes: [purpose], source, createdAt: now }, select: { id: true } });
    await recordAudit(
      { actor: null, action: 'candidate.unsubscribe', details: { candidateId: pair.candidate_id, opportunityId: pair.opportunity_id, purposes: [purpose], source } },
      tx,
    );
    return 'done';
  });
}
