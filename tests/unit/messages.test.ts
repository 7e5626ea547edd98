import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import en from '@/messages/en.json';
import es from '@/messages/es.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** ICU argument names used by a message: `{email}`, `{count, plural, ...}`. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*(?:[,}])/g)) names.add(match[1]!);
  return [...names].sort();
}

const english = flatten(en as Tree);
const spanish = flatten(es as Tree);

describe('messages', () => {
  it('every message is valid ICU (a select key with a hyphen, say, shows the key instead of the text)', () => {
    const invalid: string[] = [];
    for (const [locale, messages] of [['en', english], ['es', spanish]] as const) {
      for (const [key, message] of messages) {
        try {
          new IntlMessageFormat(message, locale);
        } catch (error) {
          invalid.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it('English and Spanish have exactly the same keys', () => {
    const onlyEnglish = [...english.keys()].filter((k) => !spanish.has(k));
    const onlySpanish = [...spanish.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlySpanish }).toEqual({ onlyEnglish: [], onlySpanish: [] });
  });

  it('no message is empty in either language', () => {
    const empty = [...english, ...spanish].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('each message uses the same placeholders in both languages', () => {
    const mismatched = [...english.keys()]
      .filter((k) => spanish.has(k))
      .filter((k) => argumentsOf(english.get(k)!).join() !== argumentsOf(spanish.get(k)!).join());
    expect(mismatched).toEqual([]);
  });

  it('the key comparison notices a missing key', () => {
    const copy = structuredClone(es) as Tree;
    delete (copy.Layout as Tree).skipToContent;
    const trimmed = flatten(copy);
    expect([...english.keys()].filter((k) => !trimmed.has(k))).toEqual(['Layout.skipToContent']);
  });
});
