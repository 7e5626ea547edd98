import { seedFirstAdmin } from './seed-staff.ts';

// Data a fresh installation needs. Returns lines to show the person who started the site.
export async function seed(databaseUrl: string, options: { embedded?: boolean } = {}): Promise<string[]> {
  const lines: string[] = [];
  // Only on the embedded database of a local run: a real deployment creates its accounts with
  // `npm run staff:create`, and a password printed to a server's logs would linger there.
  if (options.embedded) lines.push(...(await seedFirstAdmin(databaseUrl)));
  return lines;
}
