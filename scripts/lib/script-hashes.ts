// Pure helpers for scripts/csp-hashes.ts, so a unit test can check them.
import { createHash } from 'node:crypto';

/** A Subresource Integrity value (and, quoted, a CSP hash source): `sha256-` and the base64 SHA-256 of `content`. */
export const sha256Of = (content: string | Buffer) => `sha256-${createHash('sha256').update(content).digest('base64')}`;

export interface HashedPage {
  /** The page with an integrity attribute on every external script. */
  html: string;
  /** The CSP sources that allow exactly its scripts. */
  sources: string[];
}

/**
 * The SHA-256 of each inline script's text, and the integrity value of each external script: a CSP hash allows
 * an external script whose integrity attribute matches it. Next 16.4 writes integrity (experimental.sri) on most
 * script tags but not on those of client components; `integrityOf` (from Next's SRI manifest) fills those in.
 */
export function hashPage(html: string, integrityOf: (src: string) => string | undefined): HashedPage {
  const sources = new Set<string>();
  const patched = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attributes: string, body: string) => {
    if (/\stype="application\/(?:ld\+)?json"/i.test(attributes)) return tag;
    const src = /\ssrc="([^"]+)"/i.exec(attributes)?.[1];
    if (!src) {
      sources.add(`'${sha256Of(body)}'`);
      return tag;
    }
    const present = /\sintegrity="([^"]+)"/i.exec(attributes)?.[1];
    const integrity = present ?? integrityOf(src);
    if (!integrity) throw new Error(`no integrity known for the script ${src}`);
    sources.add(`'${integrity}'`);
    return present ? tag : tag.replace(/^<script\b/i, `<script integrity="${integrity}"`);
  });
  return { html: patched, sources: [...sources] };
}
