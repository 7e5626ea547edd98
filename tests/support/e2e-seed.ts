// Data the e2e run starts with. Later features add to it (e.g. a staff account to sign in with).
import { seedStaffE2e, type StaffE2eSeed } from './staff-e2e-seed.ts';

export interface E2eSeed {
  /** Extra environment for the app server. */
  env: Record<string, string>;
  /** Staff accounts the specs sign in with (fresh passwords every run). */
  staff: StaffE2eSeed;
}

export async function seedE2e(databaseUrl: string): Promise<E2eSeed> {
  return { env: {}, staff: await seedStaffE2e(databaseUrl) };
}
