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
});
