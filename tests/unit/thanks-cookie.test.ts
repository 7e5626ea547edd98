import { describe, expect, it } from 'vitest';
import { thanksCookieSeconds, thanksCookieValue, verifyThanksCookie } from '@/lib/candidates/thanks-cookie';

describe('the thanks page cookie', () => {
  const now = Date.parse('2026-12-02T15:00:00Z');

  it('holds only the level, an expiry and a signature, and is accepted while fresh', () => {
    const value = thanksCookieValue('B1', now);
    expect(value).toMatch(/^B1\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyThanksCookie(value, now + 60_000)).toBe('B1');
  });

  it('is refused once expired, when changed, or when missing', () => {
    const value = thanksCookieValue('A2', now);
    expect(verifyThanksCookie(value, now + (thanksCookieSeconds + 1) * 1000)).toBeNull();
    expect(verifyThanksCookie(value.replace(/^A2/, 'C2'), now)).toBeNull();
    const [level, , mac] = value.split('.');
    expect(verifyThanksCookie(`${level}.${Math.floor(now / 1000) + 10 ** 6}.${mac}`, now)).toBeNull();
    expect(verifyThanksCookie(undefined, now)).toBeNull();
    expect(verifyThanksCookie('B1', now)).toBeNull();
  });
});
