// ESLint rule: a client component ('use client') never reaches server-only code, directly or through the modules
// it imports. What counts as server-only: a module that imports 'server-only' (the project's convention for
// lib/ code that reads the database, secrets or personal data), and the packages below. A 'use server' module is
// the boundary a client may cross (its functions become references to server actions), so the walk stops there;
// type-only imports are erased and never count.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const serverPackages = [/^server-only$/, /^next\/headers$/, /^node:/, /^pg(-cursor|-copy-streams)?$/, /^@prisma\//, /^pino$/, /^@node-rs\//, /^exceljs$/];
const extensions = ['.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts', '/index.tsx'];

// Value imports and re-exports of a module's text, and dynamic imports: `import type` lines are left out.
const importPattern = /(?:^|\n)\s*(?:import|export)\s+(?!type[\s{])(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function directiveOf(text) {
  const match = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"](use (?:client|server))['"]/.exec(text);
  return match?.[1];
}

function resolve(specifier, fromFile, root) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return undefined;
  if (/\.(tsx?|mjs|js)$/.test(base) && existsSync(base)) return base;
  for (const extension of extensions) if (existsSync(base + extension)) return base + extension;
  return undefined;
}

/** The chain of files from `file` to server-only code, or null. `seen` is shared across one lint run of a file. */
function serverChain(file, root, seen) {
  if (seen.has(file)) return null;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (directiveOf(text) === 'use server') return null;
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    const found = reach(specifier, file, root, seen);
    if (found) return [path.relative(root, file), ...found];
  }
  return null;
}

function reach(specifier, fromFile, root, seen) {
  if (serverPackages.some((pattern) => pattern.test(specifier))) return [specifier];
  const target = resolve(specifier, fromFile, root);
  return target ? serverChain(target, root, seen) : null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Client components must not import server-only modules, directly or transitively.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      serverOnly: "A client component reaches server-only code: {{chain}}. Pass the data in as props, or call a 'use server' action.",
    },
  },
  create(context) {
    const source = context.sourceCode;
    if (directiveOf(source.text) !== 'use client') return {};
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.physicalFilename;
    const seen = new Set([file]);
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const chain = reach(specifier, file, root, seen);
      if (chain) context.report({ node, messageId: 'serverOnly', data: { chain: [path.relative(root, file), ...chain].join(' → ') } });
    };
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type') return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) return;
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source && node.exportKind !== 'type') check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};

const plugin = { meta: { name: 'server-boundary' }, rules: { 'no-server-code-in-client': rule } };
export default plugin;
