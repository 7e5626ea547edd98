import 'server-only';
import { db } from '@/lib/db/client';
import { isUuid } from '@/lib/ids';
import { recordAudit } from '@/lib/audit/record';
import { authorize, type Viewer } from '@/lib/staff/session';
import { colombianDay, dayToDbDate, dbDateToDay, incidentReportDueDate, type Day } from '@/lib/requests/deadlines';
import { incidentFieldErrors, recordIncidentSchema, updateIncidentSchema, type IncidentErrorKey, type IncidentStatus } from './schema';

// The register of security incidents (admins only): what happened, when it was detected, whether personal data was
// affected, and when it was reported to the SIC, due within 15 business days of detection. Audited; the summary is
// the admins' own text and is not copied into the audit.

type Context = { ipAddress: string | null };

export interface Incident {
  id: string;
  summary: string;
  detectedAt: Date;
  personalDataAffected: boolean;
  reportedToSicAt: Date | null;
  sicDue: Day;
  /** Personal data affected, not reported, and the 15 business days are over. */
  reportOverdue: boolean;
  status: IncidentStatus;
  recordedByName: string;
}

export async function listIncidents(viewer: Viewer, context: Context, now = new Date()): Promise<Incident[]> {
  const actor = await authorize(viewer, 'incidents:manage');
  const rows = await db().securityIncident.findMany({
    orderBy: { detectedAt: 'desc' },
    take: 200,
    select: {
      id: true,
      summary: true,
      detectedAt: true,
      personalDataAffected: true,
      reportedToSicAt: true,
      sicDueOn: true,
      status: true,
      recordedBy: { select: { name: true } },
    },
  });
  await recordAudit({ actor, action: 'incidents.list', details: { rows: rows.length }, ipAddress: context.ipAddress });
  const today = colombianDay(now);
  return rows.map(({ sicDueOn, recordedBy, ...r }) => {
    const sicDue = dbDateToDay(sicDueOn);
    return { ...r, sicDue, recordedByName: recordedBy.name, reportOverdue: r.personalDataAffected && !r.reportedToSicAt && sicDue < today };
  });
}

export type IncidentResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, IncidentErrorKey> } | { ok: false; error: 'notFound' };

export async function recordIncident(viewer: Viewer, form: Record<string, unknown>, context: Context): Promise<IncidentResult> {
  const actor = await authorize(viewer, 'incidents:manage');
  const parsed = recordIncidentSchema().safeParse(form);
  if (!parsed.success) return { ok: false, fieldErrors: incidentFieldErrors(parsed.error) };
  const { summary, detectedAt, personalDataAffected } = parsed.data;
  const sicDue = incidentReportDueDate(detectedAt);
  return db().$transaction(async (tx) => {
    const created = await tx.securityIncident.create({
      data: { summary, detectedAt, personalDataAffected, sicDueOn: dayToDbDate(sicDue), recordedById: actor.id },
      select: { id: true },
    });
    await recordAudit({ actor, action: 'incident.record', details: { incidentId: created.id, personalDataAffected, sicDueOn: sicDue }, ipAddress: context.ipAddress }, tx);
    return { ok: true, id: created.id } as const;
  });
}

export async function updateIncident(viewer: Viewer, id: string, form: Record<string, unknown>, context: Context): Promise<IncidentResult> {
  const actor = await authorize(viewer, 'incidents:manage');
  if (!isUuid(id)) return { ok: false, error: 'notFound' };
  const parsed = updateIncidentSchema().safeParse(form);
  if (!parsed.success) return { ok: false, fieldErrors: incidentFieldErrors(parsed.error) };
  return db().$transaction(async (tx): Promise<IncidentResult> => {
    const { count } = await tx.securityIncident.updateMany({
      where: { id },
      data: { status: parsed.data.status, reportedToSicAt: parsed.data.reportedToSicAt, updatedAt: new Date() },
    });
    if (count === 0) return { ok: false, error: 'notFound' };
    await recordAudit(
      { actor, action: 'incident.update', details: { incidentId: id, status: parsed.data.status, reportedToSic: parsed.data.reportedToSicAt?.toISOString() ?? null }, ipAddress: context.ipAddress },
      tx,
    );
    return { ok: true, id };
  });
}
