// Pure helpers for scripts/compile-hints.ts, so a unit test can check them.
import { sha256Of } from './script-hashes.ts';

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): every function of the file is compiled
 * while the script streams in, on a background thread, instead of on the main thread when first called.
 */
export const compileHint = '//# allFunctionsCalledOnLoad\n';

/** The chunk with the hint in front (once), and the integrity values before and after. */
export function withCompileHint(content: string): { content: string; before: string; after: string } {
  const hinted = content.startsWith(compileHint) ? content : compileHint + content;
  return { content: hinted, before: sha256Of(content), after: sha256Of(hinted) };
}

/** `text` with every integrity value in `renamed` replaced by its new one. */
export function replaceIntegrity(text: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0 || !text.includes('sha256-')) return text;
  return text.replace(/sha256-[A-Za-z0-9+/]{43}=/g, (value) => renamed.get(value) ?? value);
}
