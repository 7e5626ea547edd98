// Data a fresh installation needs. Returns lines to show the person who started the site.
export async function seed(_databaseUrl: string): Promise<string[]> {
  return [];
}
