// Data the e2e run starts with. Later features add to it (e.g. a staff account to sign in with).
import { seedStaffE2e, type StaffE2eSeed } from './staff-e2e-seed.ts';

export interface E2eSeed {
  /** Extra environment for the app server. */
  env: Record<string, string>;
  /** Staff accounts the specs sign in with (fresh passwords every run). */
  staff: StaffE2eSeed;
  /** The token for POST /api/talent-pool/revalidate (tests/e2e/talent-pool.spec.ts). */
  talentPoolToken: string;
}

const talentPoolE2eToken = 'e2e-only-talent-pool-revalidate-token-0001';

export async function seedE2e(databaseUrl: string): Promise<E2eSeed> {
  return {
    env: {
      // The specs sign the seeded admin in a dozen times, two at a time: with a second factor each sign-in would
      // need a TOTP code of its own, and a code is good once (one per 30 s). The default policy (admins) is proven
      // by tests/e2e/staff-account-security.spec.ts on an instance of its own.
      STAFF_MFA: 'optional',
      // tests/e2e/talent-pool.spec.ts regenerates the talent pool after seeding instead of waiting for its hour.
      TALENT_POOL_REVALIDATE_TOKEN: talentPoolE2eToken,
      // Every spec posts the organizations' form from 127.0.0.1; its limit is proven by the integration test.
      ORG_REQUEST_RATE_LIMIT_POINTS: '100',
    },
    staff: await seedStaffE2e(databaseUrl),
    talentPoolToken: talentPoolE2eToken,
  };
}
