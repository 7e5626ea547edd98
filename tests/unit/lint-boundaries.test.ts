// The lint rules that keep the layers apart, run on samples: they must fail where a layer is crossed and pass
// the code as it is written here.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
// Inside the project, so '@/' resolves and the project's config applies; git-ignored, removed afterwards.
const fixtures = path.join(root, `components/__lint_fixture_${process.pid}__`);

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

beforeAll(async () => {
  // The first lint loads the config, its plugins and the TypeScript parser: seconds on a busy machine.
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'components/Warm.tsx') });
  // A module that reaches the database without saying 'server-only' itself: the rule must follow it.
  await mkdir(fixtures, { recursive: true });
  await writeFile(path.join(fixtures, 'stats-helper.ts'), "import { db } from '@/lib/db/client';\nexport const count = () => db();\n");
}, 60_000);

afterAll(async () => {
  await rm(fixtures, { recursive: true, force: true });
});

describe('layering lint rules', { timeout: 30_000 }, () => {
  it('fail on an import from app/ in components/ and lib/, by alias or relative path', async () => {
    const sample = "import { signUpAction } from '@/app/[locale]/talent/actions';\nexport const action = signUpAction;\n";
    expect(await ruleIds(sample, 'components/Sample.tsx')).toContain('no-restricted-imports');
    expect(await ruleIds(sample, 'lib/staff/sample.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import '../../app/globals.css';\n", 'lib/db/sample.ts')).toContain('no-restricted-imports');
    // Routes may import from wherever they like.
    expect(await ruleIds(sample, 'app/[locale]/sample/page.tsx')).not.toContain('no-restricted-imports');
  });

  it('fail on a client component that reaches server-only code, directly or through another module', async () => {
    const direct = "'use client';\nimport { db } from '@/lib/db/client';\nexport const x = db;\n";
    expect(await ruleIds(direct, 'components/Sample.tsx')).toContain('server-boundary/no-server-code-in-client');
    const headers = "'use client';\nimport { headers } from 'next/headers';\nexport const x = headers;\n";
    expect(await ruleIds(headers, 'components/Sample.tsx')).toContain('server-boundary/no-server-code-in-client');
    const indirect = "'use client';\nimport { count } from './stats-helper';\nexport const x = count;\n";
    expect(await ruleIds(indirect, path.relative(root, path.join(fixtures, 'Sample.tsx')))).toContain(
      'server-boundary/no-server-code-in-client',
    );
  });

  it('pass type-only imports, server components, and a client component that stays on its side', async () => {
    const typeOnly = "'use client';\nimport type { Viewer } from '@/lib/staff/session';\nexport type V = Viewer;\n";
    const server = "import { db } from '@/lib/db/client';\nexport const x = db;\n";
    const client = "'use client';\nimport { signUpFields } from '@/lib/candidates/fields';\nexport const x = signUpFields;\n";
    for (const [code, file] of [
      [typeOnly, 'components/Sample.tsx'],
      [server, 'components/Sample.tsx'],
      [client, 'components/Sample.tsx'],
    ] as const) {
      expect(await ruleIds(code, file)).not.toContain('server-boundary/no-server-code-in-client');
    }
  });
});
