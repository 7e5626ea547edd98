// Data the e2e run starts with. Later features add to it (e.g. a staff account to sign in with).
export interface E2eSeed {
  /** Extra environment for the app server. */
  env: Record<string, string>;
}

export async function seedE2e(_databaseUrl: string): Promise<E2eSeed> {
  return { env: {} };
}
