import 'server-only';
import type { Logger } from 'pino';
import type { ClientBase } from 'pg';
import { hasLocale } from 'next-intl';
import { routing } from '@/lib/i18n/routing';
import { renderMail, senderName } from './render';
import { isMailTemplate, mailTemplates, type MailPayloads, type MailTemplate } from './templates';
import { mailFrom, type MailTransport } from './transport';

// Delivering one outbox row. The row is locked for the whole attempt, so a second delivery of the same row (a
// job run again after a crash, a second instance) waits, then finds it sent and does nothing. A failure the SMTP
// server calls permanent (the address refused) ends the mail as `failed`; any other (the server unreachable,
// busy, or refusing us for now) is thrown as a MailDeferredError and the job queue retries it with backoff.

export type DeliveryOutcome = 'sent' | 'already-done' | 'gone' | 'failed' | 'skipped';

/** An attempt that failed for now; only its code is kept (SMTP errors quote addresses). */
export class MailDeferredError extends Error {
  constructor(readonly code: string) {
    super(`mail delivery deferred: ${code}`);
    this.name = 'MailDeferredError';
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OutboxRow {
  id: string;
  template: string;
  locale: string;
  recipient: string;
  payload: Record<string, unknown>;
  status: 'queued' | 'sent' | 'failed' | 'skipped';
  /** The mail depends on a consent (payload.consentPurpose) that is no longer in force, or on a candidate gone. */
  withheld: boolean;
}

/** A short code for a failed send: nodemailer's code and the SMTP reply code, never the message. */
export function smtpErrorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code.replace(/[^A-Z0-9_]/gi, '').slice(0, 32) : 'UNKNOWN';
  return typeof e?.responseCode === 'number' ? `${code}:${e.responseCode}` : code;
}

/** The server refused this message or recipient for good (5xx on the envelope or the data): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const e = error as { code?: unknown; responseCode?: unknown } | null;
  return typeof e?.responseCode === 'number' && e.responseCode >= 500 && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
}

export async function deliverOutboxMail(
  client: ClientBase,
  outboxId: string,
  options: { transport: MailTransport; log: Logger; lastAttempt: boolean },
): Promise<DeliveryOutcome> {
  const { transport, log } = options;
  if (!uuidPattern.test(outboxId)) return 'gone';
  // BEGIN and the locking read in one round trip, as the mark-sent update and COMMIT are below: a mail costs two
  // round trips to PostgreSQL besides the queue's own. Multi-statement text takes no parameters, so the values are
  // written in with the driver's own quoting (the id is a checked UUID besides).
  const results = (await client.query(
    `BEGIN; SELECT m.id, m.template, m.locale, m.recipient, m.payload, m.status,
                   m.payload ? 'consentPurpose' AND NOT EXISTS (
                     SELECT 1 FROM candidates c
                      WHERE c.id = m.candidate_id AND c.status = 'active' AND c.consent_purposes @> ARRAY[m.payload->>'consentPurpose']
                   ) AS withheld
              FROM mail_outbox m WHERE m.id = ${client.escapeLiteral(outboxId)} FOR UPDATE OF m`,
  )) as unknown as { rows: OutboxRow[] }[];
  try {
    const row = results[1]?.rows[0];
    if (!row || row.status !== 'queued') {
      await client.query('COMMIT');
      // Gone: deleted with its candidate (the right to deletion) or with a pending sign-up that expired.
      return row ? 'already-done' : 'gone';
    }
    if (!isMailTemplate(row.template) || !hasLocale(routing.locales, row.locale)) {
      await client.query(`UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error_code = 'BAD_ROW' WHERE id = $1`, [row.id]);
      await client.query('COMMIT');
      log.error({ event: 'mail.failed', outboxId: row.id, template: row.template, code: 'BAD_ROW' }, 'mail not sent: unknown template or locale');
      return 'failed';
    }
    const template: MailTemplate = row.template;
    if (row.withheld) {
      // Consent for what the mail is about was withdrawn after it was queued: it is not sent, and its link goes.
      const secrets = `ARRAY[${mailTemplates[template].secrets.map((k) => client.escapeLiteral(k)).join(',')}]::text[]`;
      await client.query(
        `UPDATE mail_outbox SET status = 'skipped', last_error_code = 'CONSENT_WITHDRAWN', payload = payload - ${secrets} WHERE id = $1`,
        [row.id],
      );
      await client.query('COMMIT');
      log.info({ event: 'mail.skipped', outboxId: row.id, template }, 'mail not sent: the consent it depends on was withdrawn');
      return 'skipped';
    }
    const message = await renderMail(template, row.locale, row.payload as MailPayloads[typeof template]);
    let messageId: string;
    try {
      const info = await transport.sendMail({
        from: mailFrom(senderName(row.locale)),
        to: row.recipient,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: { ...message.headers, 'Auto-Submitted': 'auto-generated', 'X-Outbox-Id': row.id },
      });
      messageId = String(info.messageId ?? '');
    } catch (error) {
      const code = smtpErrorCode(error);
      const failed = isPermanent(error) || options.lastAttempt;
      await client.query(
        `UPDATE mail_outbox SET attempts = attempts + 1, last_error_code = $2, status = CASE WHEN $3 THEN 'failed'::mail_status ELSE status END
          WHERE id = $1`,
        [row.id, code, failed],
      );
      await client.query('COMMIT');
      if (failed) {
        log.error({ event: 'mail.failed', outboxId: row.id, template, code }, 'mail not sent: refused for good or out of attempts');
        return 'failed';
      }
      log.warn({ event: 'mail.deferred', outboxId: row.id, template, code }, 'mail not sent yet: will retry');
      throw new MailDeferredError(code);
    }
    const secrets = `ARRAY[${mailTemplates[template].secrets.map((k) => client.escapeLiteral(k)).join(',')}]::text[]`;
    await client.query(
      `UPDATE mail_outbox
          SET status = 'sent', sent_at = clock_timestamp(), attempts = attempts + 1, last_error_code = NULL,
              message_id = ${client.escapeLiteral(messageId.slice(0, 255))}, payload = payload - ${secrets}
        WHERE id = ${client.escapeLiteral(row.id)};
       COMMIT`,
    );
    log.info({ event: 'mail.sent', outboxId: row.id, template }, 'mail sent');
    return 'sent';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
