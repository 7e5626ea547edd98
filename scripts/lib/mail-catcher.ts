// A local mail catcher: a real SMTP server (smtp-server) that keeps what it receives in memory, parsed with
// mailparser, and a small web page to read it. `npm start` runs it when SMTP_URL is not set, the e2e server
// runs one, integration tests use it as the receiving end, and the bench as a sink that only counts. Both
// listen on 127.0.0.1 only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: string;
  /** The SMTP envelope: who the server was told the mail is from and for. */
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface MailCatcher {
  smtpPort: number;
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  smtpUrl: string;
  /** The web page, when one was asked for. */
  webUrl: string | null;
  mails(): CaughtMail[];
  /** Messages received, including those not kept (`keep: false`). */
  received(): number;
  clear(): void;
  /** The first mail (newest last) that `match` accepts, waiting up to `timeoutMs` for it. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Stop the SMTP server only (an outage); `startSmtp` brings it back on the same port. */
  stopSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  /** 0: any free port. */
  smtpPort?: number;
  /** A port for the web page; null: no web page. */
  webPort?: number | null;
  /** Parse and keep each mail (default); false only counts them (the bench's sink). */
  keep?: boolean;
  /** How many mails to keep, oldest dropped first. */
  limit?: number;
  /** Recipients refused for good (550), as a real server refuses an unknown mailbox (tests). */
  refuseRecipient?: (address: string) => boolean;
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const keep = options.keep ?? true;
  const limit = options.limit ?? 1_000;
  const stored: CaughtMail[] = [];
  let count = 0;
  let nextId = 1;
  const waiters = new Set<() => void>();

  const newSmtpServer = () =>
    new SMTPServer({
      // A local catcher: no TLS (so nodemailer does not try STARTTLS against a self-signed certificate), any
      // credentials accepted so an SMTP_URL with a user and password works against it too.
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'catcher' }),
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo(address, _session, callback) {
        if (options.refuseRecipient?.(address.address)) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        if (!keep) {
          stream.on('data', () => {});
          stream.on('end', () => {
            count++;
            callback();
          });
          return;
        }
        simpleParser(stream)
          .then((parsed) => {
            count++;
            const headers: Record<string, string> = {};
            for (const [key, value] of parsed.headers) headers[key] = typeof value === 'string' ? value : JSON.stringify(value);
            stored.push({
              id: nextId++,
              receivedAt: new Date().toISOString(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              from: parsed.from?.text ?? '',
              to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers,
            });
            if (stored.length > limit) stored.splice(0, stored.length - limit);
            for (const wake of waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  let smtp: SMTPServer | undefined;
  let smtpPort = options.smtpPort ?? 0;
  const startSmtp = async () => {
    const server = newSmtpServer();
    server.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(smtpPort, '127.0.0.1', () => resolve());
    });
    smtpPort = (server.server.address() as AddressInfo).port;
    smtp = server;
  };
  const stopSmtp = async () => {
    const server = smtp;
    smtp = undefined;
    if (!server) return;
    // Drop open connections too (a pooled client keeps one): an outage, not a polite goodbye.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) connection.close();
    });
  };
  await startSmtp();

  let web: Server | undefined;
  let webUrl: string | null = null;
  if (options.webPort !== undefined && options.webPort !== null) {
    web = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const send = (status: number, type: string, body: string) => {
        response.writeHead(status, {
          'Content-Type': type,
          'Cache-Control': 'no-store',
          // The mails' HTML is shown in a sandboxed frame; nothing on these pages runs scripts.
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; frame-ancestors 'self'",
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(body);
      };
      if (url.pathname === '/api/messages') return send(200, 'application/json', JSON.stringify(stored));
      const htmlMatch = /^\/messages\/(\d+)\/html$/.exec(url.pathname);
      if (htmlMatch) {
        const mail = stored.find((m) => m.id === Number(htmlMatch[1]));
        // Links in the mail open in the whole window (the site refuses to be framed).
        if (!mail) return send(404, 'text/plain', 'not found');
        return send(200, 'text/html; charset=utf-8', `<base target="_top">${mail.html || `<pre>${escapeHtml(mail.text)}</pre>`}`);
      }
      const match = /^\/messages\/(\d+)$/.exec(url.pathname);
      if (match) {
        const mail = stored.find((m) => m.id === Number(match[1]));
        return mail ? send(200, 'text/html; charset=utf-8', messagePage(mail)) : send(404, 'text/plain', 'not found');
      }
      if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', listPage(stored));
      return send(404, 'text/plain', 'not found');
    });
    await new Promise<void>((resolve, reject) => {
      web!.once('error', reject);
      web!.listen(options.webPort!, '127.0.0.1', () => resolve());
    });
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  }

  return {
    get smtpPort() {
      return smtpPort;
    },
    get smtpUrl() {
      return `smtp://127.0.0.1:${smtpPort}`;
    },
    webUrl,
    mails: () => [...stored],
    received: () => count,
    clear: () => {
      stored.length = 0;
    },
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = stored.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${stored.length} received)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    stopSmtp,
    startSmtp,
    async close() {
      await stopSmtp();
      if (web) await new Promise<void>((resolve) => web!.close(() => resolve()));
      web?.closeAllConnections();
    },
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Addresses in (already escaped) text as links. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

const pageStyle = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}a{color:#0b5f73}iframe{width:100%;height:70vh;border:1px solid #ddd}
pre{white-space:pre-wrap;background:#f4f5f7;padding:1rem}`;

function listPage(mails: CaughtMail[]): string {
  const rows = [...mails]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(new Date(m.receivedAt).toLocaleString())}</td><td>${escapeHtml(m.to)}</td>` +
        `<td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail catcher</title><style>${pageStyle}</style></head>
<body><main><h1>Mail catcher</h1><p>Every mail the site sent while it runs without SMTP_URL, newest first. Nothing here leaves this machine.
Reload to see new mail.</p>
<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows ||
    '<tr><td colspan="3">No mail yet.</td></tr>'}</tbody></table></main></body></html>`;
}

function messagePage(mail: CaughtMail): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(mail.subject)}</title><style>${pageStyle}</style></head>
<body><main><p><a href="/">All mail</a></p><h1>${escapeHtml(mail.subject)}</h1>
<p>From: ${escapeHtml(mail.from)}<br>To: ${escapeHtml(mail.to)}<br>Received: ${escapeHtml(mail.receivedAt)}</p>
<h2>HTML part</h2><iframe sandbox="allow-top-navigation-by-user-activation" title="The mail's HTML part" src="/messages/${mail.id}/html"></iframe>
<h2>Plain-text part</h2><pre>${linkify(escapeHtml(mail.text))}</pre></main></body></html>`;
}
