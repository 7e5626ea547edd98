import 'server-only';
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { createTranslator } from 'next-intl';
import type { ReactNode } from 'react';
import { messages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/routing';
import { agencyEmail, siteUrl } from '@/lib/site';
import { isTokenShaped } from '@/lib/security/tokens';
import { siteTimeZone } from '@/lib/time-zone';
import { mailTemplates, type MailPayloads, type MailTemplate } from './templates';

// Mails are React Email templates rendered on the server, with every word from messages/ (`Mail`) in the
// recipient's language, an HTML part and a plain-text part made from it. Every mail says who sends it and why,
// and links to the candidate's own data page.

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** Extra headers of this mail (List-Unsubscribe). */
  headers?: Record<string, string>;
}

type MailTranslator = ReturnType<typeof translator>;

function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], namespace: 'Mail', timeZone: siteTimeZone });
}

/** An absolute link to a page of the site, in the mail's language. */
export function siteLink(locale: Locale, path: string, query?: Record<string, string>): string {
  const url = new URL(`${siteUrl}/${locale}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1f2933', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', maxWidth: '560px', margin: '0 auto', padding: '32px', borderRadius: '8px' },
  brand: { fontSize: '14px', fontWeight: 700, color: '#0b5f73', margin: '0 0 16px' },
  heading: { fontSize: '24px', lineHeight: '32px', margin: '0 0 16px', color: '#1f2933' },
  text: { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  button: { backgroundColor: '#0b5f73', color: '#ffffff', padding: '12px 20px', borderRadius: '6px', fontWeight: 700, fontSize: '16px' },
  small: { fontSize: '13px', lineHeight: '20px', color: '#52606d', margin: '0 0 8px' },
  link: { color: '#0b5f73', textDecoration: 'underline', wordBreak: 'break-all' as const },
  hr: { borderColor: '#e4e7eb', margin: '24px 0' },
};

/** What every mail shares: the recipient's language, the preview line, who sends it, and below a rule why they get it. */
function Frame({ locale, t, preview, children, footer }: { locale: Locale; t: MailTranslator; preview: string; children: ReactNode; footer: ReactNode }) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{t('layout.sender')}</Text>
          {children}
          <Hr style={styles.hr} />
          {footer}
        </Container>
      </Body>
    </Html>
  );
}

/**
 * A mail that is not to a candidate (a staff member about their account or the request register, an organization
 * about its request): who sends it and why, without the candidates' footer.
 */
function StaffLayout({ locale, t, preview, children, why }: { locale: Locale; t: MailTranslator; preview: string; children: ReactNode; why?: string }) {
  return (
    <Frame locale={locale} t={t} preview={preview} footer={<Text style={styles.small}>{why ?? t('staffLockout.why')}</Text>}>
      {children}
    </Frame>
  );
}

function Layout({ locale, t, preview, children }: { locale: Locale; t: MailTranslator; preview: string; children: ReactNode }) {
  const myData = siteLink(locale, '/my-data');
  const footer = (
    <>
      <Text style={styles.small}>{t('layout.whoWeAre')}</Text>
      <Text style={styles.small}>{t('layout.whyYouGetThis')}</Text>
      <Text style={styles.small}>
        {t('layout.myData')}{' '}
        <Link href={myData} style={styles.link}>
          {t('layout.myDataLink')}
        </Link>{' '}
        ({myData})
      </Text>
      <Text style={styles.small}>{t('layout.contact', { email: agencyEmail })}</Text>
    </>
  );
  return (
    <Frame locale={locale} t={t} preview={preview} footer={footer}>
      {children}
    </Frame>
  );
}

function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.heading}>
      {children}
    </Heading>
  );
}

function Paragraphs({ items, style = styles.text }: { items: readonly string[]; style?: (typeof styles)['text' | 'small'] }) {
  return items.map((item) => (
    <Text key={item} style={style}>
      {item}
    </Text>
  ));
}

/** The mail's button; `margin` is tighter where a mail has more than one. */
function Action({ href, label, margin = '24px 0' }: { href: string; label: string; margin?: string }) {
  return (
    <Section style={{ margin }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
    </Section>
  );
}

/** A button's link written out, for mail programs that show no buttons (or plain text). */
function LinkFallback({ t, href }: { t: MailTranslator; href: string }) {
  return (
    <Text style={styles.small}>
      {t('layout.linkFallback')}{' '}
      <Link href={href} style={styles.link}>
        {href}
      </Link>
    </Text>
  );
}

function ActionMail(props: {
  locale: Locale;
  t: MailTranslator;
  section: 'confirmSignUp' | 'myDataLink';
  href: string;
  paragraphs: string[];
  validity: string;
}) {
  const { locale, t, section, href } = props;
  return (
    <Layout locale={locale} t={t} preview={t(`${section}.preview`)}>
      <Title>{t(`${section}.heading`)}</Title>
      <Paragraphs items={props.paragraphs} />
      <Action href={href} label={t(`${section}.button`)} />
      <Text style={styles.text}>{props.validity}</Text>
      <LinkFallback t={t} href={href} />
      <Text style={styles.text}>{t(`${section}.notYou`)}</Text>
    </Layout>
  );
}

/**
 * An opportunity announced to a candidate who consented to hear about it: what it is, its page, "I'm interested"
 * and a one-click unsubscribe from that purpose (the link, and List-Unsubscribe with List-Unsubscribe-Post, RFC 8058,
 * which mail programs show as their own unsubscribe button and POST to).
 */
function OpportunityMail({ locale, t, payload }: { locale: Locale; t: MailTranslator; payload: MailPayloads['opportunity-announcement'] }) {
  const page = siteLink(locale, `/opportunities/${payload.slug}`);
  const interested = siteLink(locale, '/interest', { token: payload.token });
  const unsubscribe = siteLink(locale, '/unsubscribe', { token: payload.token });
  return (
    <Layout locale={locale} t={t} preview={t('opportunity.preview', { kind: payload.kind, title: payload.title })}>
      <Title>{payload.title}</Title>
      <Text style={styles.text}>{t('opportunity.intro', { kind: payload.kind })}</Text>
      <Action href={page} label={t('opportunity.see', { kind: payload.kind })} margin="16px 0" />
      <LinkFallback t={t} href={page} />
      <Text style={styles.text}>{t('opportunity.interestedHelp')}</Text>
      <Action href={interested} label={t('opportunity.interested')} margin="16px 0" />
      <LinkFallback t={t} href={interested} />
      <Text style={styles.small}>{t('opportunity.why', { kind: payload.kind })}</Text>
      <Text style={styles.small}>
        {t('opportunity.unsubscribeHelp', { kind: payload.kind })}{' '}
        <Link href={unsubscribe} style={styles.link}>
          {t('opportunity.unsubscribe', { kind: payload.kind })}
        </Link>{' '}
        ({unsubscribe})
      </Text>
    </Layout>
  );
}

const templates: { [T in MailTemplate]: (locale: Locale, t: MailTranslator, payload: MailPayloads[T]) => { subject: string; body: ReactNode; headers?: Record<string, string> } } = {
  'opportunity-announcement': (locale, t, payload) => ({
    subject: t('opportunity.subject', { kind: payload.kind, title: payload.title }),
    body: <OpportunityMail locale={locale} t={t} payload={payload} />,
    headers: {
      'List-Unsubscribe': `<${siteLink(locale, '/unsubscribe/one-click', { token: payload.token })}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }),
  'confirm-sign-up': (locale, t, payload) => ({
    subject: t('confirmSignUp.subject'),
    body: (
      <ActionMail
        locale={locale}
        t={t}
        section="confirmSignUp"
        href={siteLink(locale, '/confirm', { token: payload.token })}
        paragraphs={[t('confirmSignUp.body'), t('confirmSignUp.pending')]}
        validity={t('confirmSignUp.validity', { days: payload.validDays })}
      />
    ),
  }),
  'staff-lockout': (locale, t, payload) => {
    const when = (iso: string) => t('staffLockout.time', { time: new Date(iso) });
    return {
      subject: t('staffLockout.subject'),
      body: (
        <StaffLayout locale={locale} t={t} preview={t('staffLockout.preview')}>
          <Title>{t('staffLockout.heading')}</Title>
          <Text style={styles.text}>{t('staffLockout.body', { until: new Date(payload.lockedUntil) })}</Text>
          <Text style={styles.text}>{t('staffLockout.attempts', { count: payload.attempts.length })}</Text>
          {payload.attempts.map((attempt, index) => (
            <Text key={index} style={styles.small}>
              {when(attempt.at)} · {attempt.ipAddress ?? t('staffLockout.unknownAddress')}
            </Text>
          ))}
          <Paragraphs items={[t('staffLockout.ifYou'), t('staffLockout.ifNotYou')]} />
          <Action href={siteLink(locale, '/staff/login')} label={t('staffLockout.button')} />
        </StaffLayout>
      ),
    };
  },
  'organization-request': (locale, t, payload) => {
    const purposes = payload.purposes.filter((p) => ['hire', 'train', 'mesa', 'event'].includes(p));
    return {
      subject: t('organizationRequest.subject'),
      body: (
        <StaffLayout locale={locale} t={t} preview={t('organizationRequest.preview')} why={t('organizationRequest.why')}>
          <Title>{t('organizationRequest.heading')}</Title>
          <Text style={styles.text}>{t('organizationRequest.body')}</Text>
          {purposes.map((purpose) => (
            <Text key={purpose} style={styles.small}>
              · {t(`organizationRequest.purposes.${purpose as 'hire'}`)}
            </Text>
          ))}
          <Paragraphs items={[t('organizationRequest.next'), t('organizationRequest.notYou', { email: agencyEmail })]} />
          <Action href={siteLink(locale, '/programs')} label={t('organizationRequest.button')} />
          <Text style={styles.small}>{t('organizationRequest.privacy')}</Text>
        </StaffLayout>
      ),
    };
  },
  'request-update': (locale, t, payload) => {
    const day = (value: string) => t('requestUpdate.date', { date: new Date(`${value}T12:00:00Z`) });
    const v = payload.variant;
    const subject = t(`requestUpdate.${v}.subject`, { reference: payload.reference });
    const paragraphs: string[] = [t(`requestUpdate.${v}.body`, { reference: payload.reference, kind: payload.kind })];
    if (payload.dueOn) paragraphs.push(t(`requestUpdate.${v === 'info' ? 'withdrawnFrom' : 'dueOn'}`, { date: day(payload.dueOn) }));
    return {
      subject,
      body: (
        <Layout locale={locale} t={t} preview={subject}>
          <Title>{subject}</Title>
          <Paragraphs items={paragraphs} />
          {payload.text && (
            <Text style={{ ...styles.text, whiteSpace: 'pre-line', borderLeft: '4px solid #0b5f73', paddingLeft: '12px' }}>{payload.text}</Text>
          )}
          <Action href={siteLink(locale, '/my-data')} label={t('requestUpdate.button')} />
        </Layout>
      ),
    };
  },
  'policy-change': (locale, t, payload) => {
    const date = t('policyChange.date', { date: new Date(`${payload.effectiveFrom}T12:00:00Z`) });
    return {
      subject: t('policyChange.subject', { date }),
      body: (
        <Layout locale={locale} t={t} preview={t('policyChange.preview', { date })}>
          <Title>{t('policyChange.heading')}</Title>
          <Paragraphs items={[t('policyChange.body', { version: payload.version, date }), t('policyChange.what')]} />
          <Action href={siteLink(locale, '/privacy')} label={t('policyChange.button')} />
          <Text style={styles.text}>{t('policyChange.choice')}</Text>
        </Layout>
      ),
    };
  },
  'requests-digest': (locale, t, payload) => {
    const day = (value: string) => t('requestUpdate.date', { date: new Date(`${value}T12:00:00Z`) });
    const line = (i: { reference: number; kind: string; subject: string; dueOn: string }) =>
      t('requestsDigest.item', { reference: i.reference, kind: i.kind, subject: i.subject, date: day(i.dueOn) });
    const subject = t('requestsDigest.subject', { overdue: payload.overdue.length, dueSoon: payload.dueSoon.length });
    return {
      subject,
      body: (
        <StaffLayout locale={locale} t={t} preview={subject} why={t('requestsDigest.why')}>
          <Title>{t('requestsDigest.heading')}</Title>
          <Text style={styles.text}>{t('requestsDigest.overdue', { count: payload.overdue.length })}</Text>
          <Paragraphs items={payload.overdue.map(line)} style={styles.small} />
          <Text style={styles.text}>{t('requestsDigest.dueSoon', { count: payload.dueSoon.length })}</Text>
          <Paragraphs items={payload.dueSoon.map(line)} style={styles.small} />
          <Action href={siteLink(locale, '/staff/requests')} label={t('requestsDigest.button')} />
        </StaffLayout>
      ),
    };
  },
  'my-data-link': (locale, t, payload) => ({
    subject: t('myDataLink.subject'),
    body: (
      <ActionMail
        locale={locale}
        t={t}
        section="myDataLink"
        href={siteLink(locale, '/my-data/open', { token: payload.token })}
        paragraphs={[t('myDataLink.body')]}
        validity={t('myDataLink.validity', { minutes: payload.validMinutes })}
      />
    ),
  }),
};

async function renderNow<T extends MailTemplate>(template: T, locale: Locale, payload: MailPayloads[T]): Promise<RenderedMail> {
  const t = translator(locale);
  const { subject, body, headers } = templates[template](locale, t, payload);
  const html = await render(body);
  return { subject, html, text: toPlainText(html), ...(headers ? { headers } : {}) };
}

// Rendering a template costs tens of milliseconds (React's stream renderer, then HTML to text), and mails of one
// template, language and settings differ only in their secret (a link's token). So each such mail is rendered once
// with a marker in place of the secret, and the marker is replaced per mail. Only token-shaped secrets (base64url,
// the same in HTML, text and URLs) take this path; anything else is rendered whole.
const secretMarker = (index: number) => `MAILSECRET${String(index).padStart(2, '0')}${'x'.repeat(31)}`;
const rendered = new Map<string, Promise<RenderedMail>>();
const maxCached = 64;

/** The subject, HTML and plain text of a mail, in `locale`. */
export async function renderMail<T extends MailTemplate>(template: T, locale: Locale, payload: MailPayloads[T]): Promise<RenderedMail> {
  const secrets = mailTemplates[template].secrets;
  const values = payload as unknown as Record<string, unknown>;
  if (!secrets.every((key) => isTokenShaped(values[key]))) return renderNow(template, locale, payload);
  const masked = { ...values };
  secrets.forEach((key, index) => (masked[key] = secretMarker(index)));
  const key = JSON.stringify([template, locale, masked]);
  let cached = rendered.get(key);
  if (!cached) {
    if (rendered.size >= maxCached) rendered.clear();
    cached = renderNow(template, locale, masked as unknown as MailPayloads[T]);
    rendered.set(key, cached);
    cached.catch(() => rendered.delete(key));
  }
  const mail = await cached;
  const fill = (text: string) => secrets.reduce((out, secret, index) => out.replaceAll(secretMarker(index), values[secret] as string), text);
  const headers = mail.headers ? Object.fromEntries(Object.entries(mail.headers).map(([name, value]) => [name, fill(value)])) : undefined;
  return { subject: fill(mail.subject), html: fill(mail.html), text: fill(mail.text), ...(headers ? { headers } : {}) };
}

/** The display name mails are sent under, in `locale`. */
export function senderName(locale: Locale): string {
  return translator(locale)('layout.sender');
}
