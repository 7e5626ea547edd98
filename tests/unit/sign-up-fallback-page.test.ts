import { describe, expect, it } from 'vitest';
import { fallbackPageResponse } from '@/lib/candidates/no-js-page';

describe('the page shown when the sign-up form itself cannot be', () => {
  it('says why, in the language of the form, with a way back to it, and is never cached', async () => {
    const failed = fallbackPageResponse('en', 'failed', 500);
    const crossSite = fallbackPageResponse('es', 'crossSite', 403, new Headers({ 'Retry-After': '30' }));
    expect([failed.status, crossSite.status]).toEqual([500, 403]);
    for (const response of [failed, crossSite]) {
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(crossSite.headers.get('retry-after')).toBe('30');
    const [en, es] = [await failed.text(), await crossSite.text()];
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('We could not process your registration.');
    expect(en).toContain('<a href="/en/talent">Back to the sign-up form</a>');
    expect(es).toContain('<html lang="es">');
    expect(es).toContain('Este formulario solo se puede enviar desde el sitio de Talento Bilingüe.');
    expect(es).toContain('<a href="/es/talent">Volver al formulario de inscripción</a>');
  });
});
