import { describe, expect, it } from 'vitest';
import { organizationFieldErrors, organizationSchema } from '@/lib/organizations/schema';
import { organizationInputFrom } from '@/lib/organizations/form-state';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import { organizationErrorKeys } from '@/lib/organizations/fields';

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const valid = {
  organization: '  Colegio  Santa Librada ',
  kind: 'school',
  contactName: 'Ana María Pérez',
  email: 'Rectoria@Example.EDU.co',
  phone: '300 123 4567',
  purposes: ['train', 'event'],
  message: 'Queremos\r\nparticipar.',
  consent: 'yes',
};

describe('the organizations form schema', () => {
  it('accepts a complete request and normalizes it', () => {
    const parsed = organizationSchema.parse(organizationInputFrom(form(valid)));
    expect(parsed).toMatchObject({
      organization: 'Colegio Santa Librada',
      kind: 'school',
      email: 'rectoria@example.edu.co',
      purposes: ['train', 'event'],
      message: 'Queremos\nparticipar.',
      consent: true,
    });
    expect(parsed.phone).toMatch(/^\+57/);
  });

  it('names each wrong field with a message key that both languages word', () => {
    const result = organizationSchema.safeParse(
      organizationInputFrom(form({ ...valid, organization: '', kind: 'bank', email: 'nope', purposes: [], consent: '' })),
    );
    expect(result.success).toBe(false);
    const errors = organizationFieldErrors(result.error!);
    expect(errors).toEqual({
      organization: 'organization.required',
      kind: 'kind.required',
      email: 'email.invalid',
      purposes: 'purposes.required',
      consent: 'consent.required',
    });
    const word = (messages: typeof en, key: string) => {
      const [field, problem] = key.split('.') as [string, string];
      return (messages.OrganizationForm.errors as Record<string, Record<string, string>>)[field]?.[problem];
    };
    for (const key of organizationErrorKeys) {
      expect(word(en, key), key).toBeTruthy();
      expect(word(es, key), key).toBeTruthy();
    }
  });

  it('refuses control characters and a field sent twice', () => {
    const result = organizationSchema.safeParse(organizationInputFrom(form({ ...valid, contactName: 'Ana\u0007', message: ['a', 'b'] })));
    expect(result.success).toBe(false);
    expect(organizationFieldErrors(result.error!)).toMatchObject({ contactName: 'contactName.invalid', message: 'message.invalid' });
  });
});
