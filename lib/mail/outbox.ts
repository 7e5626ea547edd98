import 'server-only';
import { Prisma, type Db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';
import type { MailPayloads, MailTemplate } from './templates';

// Queueing a mail: a row in mail_outbox and a graphile-worker job that carries only that row's id, written by
// the caller's own statement or transaction, so the mail exists exactly when what caused it does (a sign-up
// that rolls back queues nothing; one that commits cannot lose its mail).

/** The job that delivers one outbox row (lib/mail/worker.ts). */
export const sendMailTask = 'mail:send';
/** graphile-worker's backoff is exp(attempt) seconds, capped at exp(10) ≈ 6 h: 25 attempts span about 3 days. */
export const mailMaxAttempts = 25;

export interface MailToQueue<T extends MailTemplate> {
  template: T;
  locale: Locale;
  recipient: string;
  payload: MailPayloads[T];
  candidateId?: string | null;
}

/**
 * Two CTEs, `${name}` (the outbox row, RETURNING id) and `${name}_job` (its job), for a caller's WITH clause:
 * `from` names an earlier CTE the row is written for (one mail per row of it), or is null for one mail.
 * Values are given as SQL so they can come from that CTE (e.g. `Prisma.sql\`submission.candidate_id\``).
 */
export function queueMailCtes(options: {
  name: string;
  from: string | null;
  template: MailTemplate;
  locale: Prisma.Sql;
  recipient: Prisma.Sql;
  payload: Prisma.Sql;
  candidateId: Prisma.Sql;
  /** The outbox row's id, when the caller needs to know it before the row is written (to link to it). */
  id?: Prisma.Sql;
  /** When the job may run (spacing a batch out over time), as SQL over the row (`name`.candidate_id); unset: now. */
  runAt?: Prisma.Sql;
  /** Many mails at once (hundreds or more): their jobs are added with one graphile_worker.add_jobs call. */
  bulk?: boolean;
}): Prisma.Sql {
  const name = Prisma.raw(identifier(options.name));
  const from = options.from === null ? Prisma.empty : Prisma.sql`FROM ${Prisma.raw(identifier(options.from))}`;
  return Prisma.sql`${name} AS (
      INSERT INTO mail_outbox (${options.id ? Prisma.sql`id, ` : Prisma.empty}template, locale, recipient, payload, candidate_id)
      SELECT ${options.id ? Prisma.sql`${options.id}::uuid, ` : Prisma.empty}${options.template}, ${options.locale}, ${options.recipient}, ${options.payload}::jsonb, ${options.candidateId}::uuid
      ${from}
      RETURNING id, candidate_id
    ),
    ${Prisma.raw(identifier(`${options.name}_job`))} AS (${
      options.bulk
        ? // One call for the whole set: add_job runs add_jobs (and its statements) once per row.
          Prisma.sql`
      SELECT j.id FROM graphile_worker.add_jobs((
        SELECT array_agg(ROW(${sendMailTask}::text, json_build_object('outboxId', q.id), NULL::text, q.run_at, ${mailMaxAttempts}::smallint,
                             NULL::text, NULL::smallint, NULL::text[])::graphile_worker.job_spec)
          FROM (SELECT ${name}.id, ${options.runAt ?? Prisma.sql`now()`} AS run_at FROM ${name}) q
      )) j`
        : Prisma.sql`
      SELECT (graphile_worker.add_job(${sendMailTask}, json_build_object('outboxId', ${name}.id), max_attempts => ${mailMaxAttempts}::int${
        options.runAt ? Prisma.sql`, run_at => ${options.runAt}` : Prisma.empty
      })).id
        FROM ${name}`
    }
    )`;
}

/** Queue one mail within `tx` (a transaction, or the client for a statement of its own). Returns the outbox id. */
export async function queueMail<T extends MailTemplate>(tx: Prisma.TransactionClient | Db, mail: MailToQueue<T>): Promise<string> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH ${queueMailCtes({
      name: 'mail',
      from: null,
      template: mail.template,
      locale: Prisma.sql`${mail.locale}`,
      recipient: Prisma.sql`${mail.recipient}`,
      payload: Prisma.sql`${JSON.stringify(mail.payload)}`,
      candidateId: Prisma.sql`${mail.candidateId ?? null}`,
    })}
    SELECT mail.id FROM mail, mail_job`);
  const id = rows[0]?.id;
  if (!id) throw new Error('queueMail: the outbox row was not written');
  return id;
}

function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return name;
}
