import { describe, expect, it } from 'vitest';
import { partnerSchema } from '@/lib/partners/schema';
import { exportErrorsFromQuery, exportErrorsToQuery, parseExportRequest } from '@/lib/export/request';
import { isKnownLocalizedPath } from '@/lib/routes';

const partner = { name: '  Contact Center Pacífico  ', kind: 'employer', country: 'us', receivesAs: 'controller', agreementReference: '' };

describe('partner organization schema', () => {
  it('trims the name, upper-cases the country code, and stores an empty agreement as none', () => {
    expect(partnerSchema.parse(partner)).toEqual({ name: 'Contact Center Pacífico', kind: 'employer', country: 'US', receivesAs: 'controller', agreementReference: null });
  });

  it('names each problem with a message key', () => {
    const result = partnerSchema.safeParse({ name: ' ', kind: 'bank', country: 'USA', receivesAs: 'owner', agreementReference: 'x'.repeat(201) });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      name: 'nameRequired',
      kind: 'kindInvalid',
      country: 'countryInvalid',
      receivesAs: 'receivesAsInvalid',
      agreementReference: 'agreementTooLong',
    });
    expect(partnerSchema.safeParse({ ...partner, country: '' }).error!.issues[0]!.message).toBe('countryRequired');
  });
});

describe('export request: organization and purpose are required', () => {
  const id = '0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70';

  it('accepts a partner id and a purpose, with control characters and runs of spaces cleaned', () => {
    const parsed = parseExportRequest(new URLSearchParams({ format: 'csv', organization: id, purpose: ' Vacantes\u0000 de   agente ' }));
    expect(parsed).toMatchObject({ ok: true, data: { format: 'csv', organization: id, purpose: 'Vacantes de agente' } });
  });

  it('refuses a missing organization or purpose with message keys, keeping what was typed', () => {
    expect(parseExportRequest({ format: 'xlsx', purpose: 'Cohorte' })).toEqual({
      ok: false,
      errors: { organization: 'organizationRequired' },
      values: { format: 'xlsx', organization: '', purpose: 'Cohorte' },
    });
    expect(parseExportRequest({ format: 'csv', organization: 'acme', purpose: '   ' })).toMatchObject({
      ok: false,
      errors: { organization: 'organizationUnknown', purpose: 'purposeRequired' },
    });
    expect(parseExportRequest({ format: 'pdf', organization: id, purpose: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      errors: { format: 'formatInvalid', purpose: 'purposeTooLong' },
    });
  });

  it('carries errors through the query string and reads back only known fields and keys', () => {
    const errors = { organization: 'organizationRequired', purpose: 'purposeRequired' };
    expect(exportErrorsFromQuery(exportErrorsToQuery(errors))).toEqual(errors);
    expect(exportErrorsFromQuery('organization:<script>,q:purposeRequired,purpose:purposeTooLong')).toEqual({ purpose: 'purposeTooLong' });
  });
});

describe('routes', () => {
  it('knows the partners pages', () => {
    expect(isKnownLocalizedPath('/staff/partners')).toBe(true);
    expect(isKnownLocalizedPath('/staff/partners/0b7c8e1e-3f0a-4f2b-9b1d-2a3c4d5e6f70')).toBe(true);
    expect(isKnownLocalizedPath('/staff/partners/new-one')).toBe(false);
  });
});
