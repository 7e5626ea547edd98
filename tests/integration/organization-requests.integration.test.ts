import { afterEach, describe, expect, it } from 'vitest';
import { submitOrganizationRequest } from '@/lib/organizations/submit';
import { perTestDatabase } from '../support/test-database.ts';

const testDb = perTestDatabase();

let next = 1;
const address = () => `198.51.100.${next++}`;

function form(fields: Record<string, string | string[]> = {}): FormData {
  const data = new FormData();
  const all = {
    organization: 'Colegio Santa Librada',
    kind: 'school',
    contactName: 'Ana María Pérez',
    email: 'rectoria@example.edu.co',
    phone: '300 123 4567',
    purposes: ['train', 'event'],
    message: 'Queremos participar.',
    consent: 'yes',
    ...fields,
  };
  for (const [name, value] of Object.entries(all)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

afterEach(() => {
  delete process.env.ORG_REQUEST_RATE_LIMIT_POINTS;
});

describe("organizations' requests", () => {
  it('stores the request and queues its acknowledgement in the same statement, in the language of the form', async () => {
    expect(await submitOrganizationRequest({ locale: 'en', formData: form(), clientAddress: address() })).toEqual({ ok: true });
    const [request] = await testDb.query(`SELECT organization, kind, contact_name, email, phone, purposes, message, locale, status FROM organization_requests`);
    expect(request).toEqual({
      organization: 'Colegio Santa Librada',
      kind: 'school',
      contact_name: 'Ana María Pérez',
      email: 'rectoria@example.edu.co',
      phone: '+573001234567',
      purposes: ['train', 'event'],
      message: 'Queremos participar.',
      locale: 'en',
      status: 'new',
    });
    const mails = await testDb.query(`SELECT template, locale, recipient, payload, candidate_id FROM mail_outbox`);
    expect(mails).toEqual([
      { template: 'organization-request', locale: 'en', recipient: 'rectoria@example.edu.co', payload: { kind: 'school', purposes: ['train', 'event'] }, candidate_id: null },
    ]);
    const [job] = await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
    expect(job!.n).toBe(1);
  });

  it('sends back the errors as message keys with everything typed, and stores nothing', async () => {
    const outcome = await submitOrganizationRequest({ locale: 'es', formData: form({ email: 'no-es-correo', purposes: [] }), clientAddress: address() });
    expect(outcome).toMatchObject({
      ok: false,
      state: { status: 'invalid', fieldErrors: { email: 'email.invalid', purposes: 'purposes.required' }, values: { email: 'no-es-correo', organization: 'Colegio Santa Librada' } },
    });
    const [row] = await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM organization_requests`);
    expect(row!.n).toBe(0);
  });

  it('limits requests per network and per email address, saying when to try again', async () => {
    process.env.ORG_REQUEST_RATE_LIMIT_POINTS = '2';
    const from = address();
    for (const email of ['a@example.com', 'b@example.com']) {
      expect(await submitOrganizationRequest({ locale: 'es', formData: form({ email }), clientAddress: from })).toEqual({ ok: true });
    }
    const refused = await submitOrganizationRequest({ locale: 'es', formData: form({ email: 'c@example.com' }), clientAddress: from });
    expect(refused).toMatchObject({ ok: false, state: { status: 'rateLimited', values: { email: 'c@example.com' } } });
    expect(Date.parse(refused.ok ? '' : refused.state.retryAt!)).toBeGreaterThan(Date.now() + 3_000_000);

    delete process.env.ORG_REQUEST_RATE_LIMIT_POINTS;
    for (let i = 0; i < 3; i++) {
      expect(await submitOrganizationRequest({ locale: 'es', formData: form({ email: 'same@example.com' }), clientAddress: address() })).toEqual({ ok: true });
    }
    const sameEmail = await submitOrganizationRequest({ locale: 'es', formData: form({ email: 'same@example.com' }), clientAddress: address() });
    expect(sameEmail).toMatchObject({ ok: false, state: { status: 'rateLimited' } });
    const [mails] = await testDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE recipient = 'same@example.com'`);
    expect(mails!.n).toBe(3);
  });

  it('answers a database outage with "unavailable", keeping what was typed', async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none';
    process.env.DATABASE_CONNECT_TIMEOUT_MS = '500';
    try {
      const outcome = await submitOrganizationRequest({ locale: 'es', formData: form(), clientAddress: address() });
      expect(outcome).toMatchObject({ ok: false, state: { status: 'unavailable', values: { organization: 'Colegio Santa Librada' } } });
    } finally {
      process.env.DATABASE_URL = url;
      delete process.env.DATABASE_CONNECT_TIMEOUT_MS;
    }
  });
});
