import 'server-only';
import { db } from '@/lib/db/client';

// The audit trail: who did what to personal data or staff accounts, and when. Rows are append-only (a
// trigger in the migration refuses UPDATE and DELETE). Details never hold passwords or tokens; the
// filters of a search or an export are kept because they say what was looked at.

export const auditActions = [
  'staff.sign-in',
  'staff.sign-in-failed',
  'staff.lockout',
  'staff.unlock',
  'staff.second-factor',
  'staff.second-factor-failed',
  'staff.mfa-enrol',
  'staff.mfa-reset',
  'staff.recovery-codes',
  'staff.password-change',
  'staff.password-reset',
  'staff.session-revoke',
  'staff.sign-out',
  'staff.create',
  'staff.disable',
  'staff.enable',
  'staff.role-change',
  'candidates.list',
  'candidate.view',
  'candidates.export',
  'candidates.export-incomplete',
  'candidate.consent-revoke',
  'candidate.delete',
  // Opportunities (lib/opportunities): who saw which candidates match, who announced to how many, each pipeline
  // change, each referral to an employer (a sharing of the candidate's data), the outcomes table downloaded.
  'opportunity.matches',
  'opportunity.announce',
  'opportunity.pipeline-view',
  'opportunity.pipeline-change',
  'opportunity.refer',
  'opportunity.outcomes-export',
  // Partner organizations (details: the organization's id and what changed) and sharings with them (details: the
  // sharing's id; the candidates it held are in sharing_candidates).
  'partner.create',
  'partner.update',
  'partner.archive',
  'partner.restore',
  'candidates.share',
  // Opportunities (training cohorts and job openings): details hold the opportunity's id, slug and what changed.
  'opportunity.create',
  'opportunity.update',
  'opportunity.publish',
  'opportunity.close',
  // What candidates do themselves (no actor; details hold the candidate's id, never an address or a name).
  'candidate.confirm',
  'candidate.my-data-open',
  'candidate.my-data-download',
  'candidate.my-data-update',
  'candidate.my-data-revoke',
  'candidate.my-data-delete',
  'candidate.opportunity-interested',
  'candidate.unsubscribe',
  // Organizations' requests (/join): listed, and a status changed (details hold the request's id and statuses).
  'organizations.list',
  'organization.status',
  'candidate.my-data-reclamo',
  // Scheduled jobs.
  'candidates.purge-pending',
  'retention.run',
  'candidate.retention-delete',
  'privacy.policy-notice',
  // The request register (lib/requests) and the incident register (lib/incidents).
  'requests.list',
  'request.view',
  'request.record',
  'request.extend',
  'request.ask-info',
  'request.info-received',
  'request.answer',
  'request.withdrawn',
  'requests.digest',
  'incidents.list',
  'incident.record',
  'incident.update',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type AuditDetails = { [key: string]: Json };

export interface AuditActor {
  id: string;
  email: string;
}

type AuditWriter = Pick<ReturnType<typeof db>, 'auditEvent'>;

/** Append one event; pass a transaction client to write it together with the change it records. */
export async function recordAudit(event: {
  actor: AuditActor | null;
  /** For events without a signed-in actor (a failed sign-in): the email that was typed. */
  actorEmail?: string;
  action: AuditAction;
  details?: AuditDetails;
  ipAddress?: string | null;
}, client: AuditWriter = db()): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: event.actor?.id ?? null,
      actorEmail: event.actor?.email ?? event.actorEmail?.slice(0, 320) ?? null,
      action: event.action,
      details: event.details ?? {},
      ipAddress: event.ipAddress ?? null,
    },
    select: { id: true },
  });
}
