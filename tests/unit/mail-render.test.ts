import { describe, expect, it } from 'vitest';
import { renderMail } from '@/lib/mail/render';

const tokenA = 'A'.repeat(42) + 'a';
const tokenB = 'B'.repeat(42) + 'b';

describe('mail templates', () => {
  it('render each mail with its own link, in its language, with a plain-text part and the link to My data', async () => {
    const [a, b, es] = await Promise.all([
      renderMail('confirm-sign-up', 'en', { token: tokenA, validDays: 7 }),
      renderMail('confirm-sign-up', 'en', { token: tokenB, validDays: 7 }),
      renderMail('my-data-link', 'es', { token: tokenB, validMinutes: 30 }),
    ]);
    expect(a.html).toContain(`/en/confirm?token=${tokenA}`);
    expect(a.text).toContain(`/en/confirm?token=${tokenA}`);
    expect(a.html + a.text).not.toContain(tokenB);
    expect(b.html + b.text).toContain(tokenB);
    expect(b.html + b.text).not.toContain(tokenA);
    for (const mail of [a, b, es]) {
      expect(mail.html + mail.text).not.toContain('MAILSECRET');
      expect(mail.text).toMatch(/\/(en|es)\/my-data/);
      expect(mail.text).toContain('Invest Pacific');
    }
    expect(a.text).toContain('7 days');
    expect(es.subject).toBe('Tu enlace para ver tus datos en Talento Bilingüe');
    expect(es.text).toContain(`/es/my-data/open?token=${tokenB}`);
    expect(es.text).toContain('30 minutos');
  });

  it('render a secret that is not token-shaped in full rather than from the cache', async () => {
    const odd = await renderMail('confirm-sign-up', 'es', { token: 'short', validDays: 3 });
    expect(odd.text).toContain('token=short');
    expect(odd.text).toContain('3 días');
  });

  it('tell a candidate about their request in their language: the due date, the reason of an extension, the answer', async () => {
    const received = await renderMail('request-update', 'es', { reference: 12, kind: 'reclamo', variant: 'received', dueOn: '2026-02-02', text: null });
    expect(received.subject).toBe('Recibimos tu solicitud n.º 12');
    expect(received.text).toContain('reclamo en trámite');
    expect(received.text).toMatch(/lunes, 2 de febrero de 2026/);
    const extended = await renderMail('request-update', 'en', { reference: 7, kind: 'consulta', variant: 'extended', dueOn: '2026-12-18', text: 'We are gathering records.' });
    expect(extended.subject).toBe('We need more time for your request no. 7');
    expect(extended.text).toContain('We are gathering records.');
    expect(extended.text).toContain('Friday, December 18, 2026');
    const answer = await renderMail('request-update', 'en', { reference: 7, kind: 'consulta', variant: 'answer', dueOn: null, text: 'Here is what we hold.' });
    expect(answer.text).toContain('Here is what we hold.');
    expect(answer.text).toMatch(/\/en\/my-data/);
  });

  it('list the requests due to admins by reference and date', async () => {
    const digest = await renderMail('requests-digest', 'es', {
      day: '2026-12-02',
      overdue: [{ reference: 3, kind: 'consulta', subject: 'access', dueOn: '2026-11-17' }],
      dueSoon: [],
    });
    expect(digest.subject).toBe('Solicitudes: 1 vencidas, 0 vencen en los próximos 3 días hábiles');
    expect(digest.text).toContain('N.º 3 · consulta (access) · vence el martes, 17 de noviembre de 2026');
    expect(digest.text).toContain('/es/staff/requests');
  });
});
