import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileHint, replaceIntegrity, withCompileHint } from '@/scripts/lib/compile-hints';

const sri = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('the compile hint on client chunks', () => {
  const chunk = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([]);';

  it('goes first in the chunk, and the integrity given is that of the bytes served', () => {
    const { content, before, after } = withCompileHint(chunk);
    expect(content).toBe(`//# allFunctionsCalledOnLoad\n${chunk}`);
    expect(before).toBe(sri(chunk));
    expect(after).toBe(sri(content));
  });

  it('is added once, however often the build step runs', () => {
    const once = withCompileHint(chunk).content;
    const twice = withCompileHint(once);
    expect(twice.content).toBe(once);
    expect(twice.after).toBe(twice.before);
    expect(once.indexOf(compileHint, 1)).toBe(-1);
  });

  it('moves every reference to the old integrity to the new one, and only those', () => {
    const { before, after } = withCompileHint(chunk);
    const other = sri('something else');
    const html = `<script src="/a.js" integrity="${before}"></script><script src="/b.js" integrity="${other}"></script>`;
    const manifest = JSON.stringify({ 'static/chunks/a.js': before, 'static/chunks/b.js': other });
    const renamed = new Map([[before, after]]);
    expect(replaceIntegrity(html, renamed)).toBe(`<script src="/a.js" integrity="${after}"></script><script src="/b.js" integrity="${other}"></script>`);
    expect(JSON.parse(replaceIntegrity(manifest, renamed))).toEqual({ 'static/chunks/a.js': after, 'static/chunks/b.js': other });
  });
});
