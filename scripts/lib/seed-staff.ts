// First run: with no staff account at all, create one admin with a strong random password and return
// the lines that show it, once, to the person who started the site.
import { createStaffAccountAsOperator } from '../../lib/staff/accounts.ts';
import { db, disconnectDb } from '../../lib/db/client.ts';

export const firstAdminEmail = 'admin@bilingual-talent.local';

export async function seedFirstAdmin(databaseUrl: string): Promise<string[]> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    if ((await db().staffUser.count()) > 0) return [];
    const result = await createStaffAccountAsOperator(
      { email: firstAdminEmail, name: 'Administrator', role: 'admin', password: '' },
      'seed',
    );
    if (!result.ok || !result.generatedPassword) return [];
    return [
      '',
      'A first staff account was created. Sign in at /es/staff/login (shown only this once):',
      `  email:    ${result.email}`,
      `  password: ${result.generatedPassword}`,
      'At the first sign-in you choose your own password and set up two-step verification (an authenticator app).',
      'Create personal accounts under Staff accounts, then disable this one.',
    ];
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
