import 'server-only';
import { createTransport } from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { serverConfig } from '@/lib/config/env';
import { mailSender, senderAddress } from '@/lib/site';

// One pooled SMTP transport per process, from SMTP_URL: smtp:// upgrades with STARTTLS whenever the server offers
// it, smtps:// speaks TLS from the first byte. Timeouts are short so an outage fails an attempt quickly and the
// job queue retries it later, instead of holding a worker for minutes.

export type MailTransport = Transporter;

interface Held {
  key: string;
  transport: MailTransport;
}

const holder = globalThis as typeof globalThis & { __btMailTransport?: Held };

export interface TransportSettings {
  url: string;
  connections: number;
  ratePerSecond: number;
}

export function transportSettings(): TransportSettings | null {
  const config = serverConfig();
  if (!config.SMTP_URL) return null;
  return { url: config.SMTP_URL, connections: config.MAIL_SMTP_CONNECTIONS, ratePerSecond: config.MAIL_RATE_PER_SECOND };
}

export function createMailTransport(settings: TransportSettings): MailTransport {
  return createTransport({
    pool: true,
    url: settings.url,
    maxConnections: settings.connections,
    maxMessages: 1_000,
    ...(settings.ratePerSecond > 0 ? { rateDelta: 1_000, rateLimit: settings.ratePerSecond } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Never log: nodemailer's own logs would carry addresses.
    logger: false,
    debug: false,
  });
}

/** The shared transport, or null when SMTP_URL is not set. */
export function mailTransport(): MailTransport | null {
  const settings = transportSettings();
  if (!settings) return null;
  const key = JSON.stringify(settings);
  const held = holder.__btMailTransport;
  if (held?.key === key) return held.transport;
  held?.transport.close();
  const transport = createMailTransport(settings);
  holder.__btMailTransport = { key, transport };
  return transport;
}

export function closeMailTransport(): void {
  holder.__btMailTransport?.transport.close();
  holder.__btMailTransport = undefined;
}

/** The sender: MAIL_FROM as given when it names someone, else the address under the site's name in `displayName`. */
export function mailFrom(displayName: string): { name: string; address: string } | string {
  const configured = serverConfig().MAIL_FROM ?? mailSender;
  if (configured.includes('<')) return configured;
  return { name: displayName, address: senderAddress(configured) };
}
