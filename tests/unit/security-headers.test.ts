import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baselineCsp, newNonce, pageCsp } from '@/lib/security/csp';
import { hashPage } from '@/scripts/lib/script-hashes';

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name!, v]));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the Content-Security-Policy', () => {
  it('of a page allows only the given scripts and what they load, and locks down the rest', () => {
    const csp = directives(pageCsp(["'nonce-abc'"]));
    expect(csp.get('script-src')).toEqual(["'nonce-abc'", "'strict-dynamic'"]);
    for (const [name, value] of [
      ['default-src', "'none'"],
      ['object-src', "'none'"],
      ['base-uri', "'none'"],
      ['form-action', "'self'"],
      ['frame-ancestors', "'none'"],
    ]) {
      expect(csp.get(name!)).toEqual([value]);
    }
    expect(pageCsp(["'nonce-abc'"])).not.toMatch(/unsafe-(inline|eval)|\*|https?:|data:/);
  });

  it('for responses the proxy does not see allows scripts from this origin only', () => {
    const csp = directives(baselineCsp);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(baselineCsp).not.toMatch(/unsafe-|\*/);
  });

  it('gets a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('the script hashes of a prerendered page', () => {
  const known = { '/_next/static/chunks/b.js': 'sha256-BBB=' };
  const integrityOf = (src: string) => known[src as keyof typeof known];

  it('are the SHA-256 of each inline script and the integrity of each external one', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async="" integrity="sha256-AAA="></script>' +
      '<script>self.__next_f.push([1,"x"])</script><script type="application/ld+json">{"a":1}</script>';
    expect(hashPage(html, integrityOf)).toEqual({ html, sources: ["'sha256-AAA='", sha256('self.__next_f.push([1,"x"])')] });
  });

  it('fill in the integrity Next left out, from its SRI manifest', () => {
    const { html, sources } = hashPage('<script src="/_next/static/chunks/b.js" async=""></script>', integrityOf);
    expect(html).toBe('<script integrity="sha256-BBB=" src="/_next/static/chunks/b.js" async=""></script>');
    expect(sources).toEqual(["'sha256-BBB='"]);
  });

  it('refuse a script whose integrity is unknown, which the page could not run', () => {
    expect(() => hashPage('<script src="/elsewhere.js"></script>', integrityOf)).toThrow(/elsewhere\.js/);
  });
});
