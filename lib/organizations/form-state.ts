// What travels between the organizations' form and the server: the values as typed (nothing lost when the form
// comes back with an error) and the errors as message keys.
import { z } from 'zod';
import { decodeHeaderState, encodeHeaderState } from '@/lib/security/header-state';
import { messageMaxLength, organizationErrorKeys, organizationFields, type OrganizationAnswers, type OrganizationErrorKey, type OrganizationField } from './fields';
import type { OrganizationInput } from './schema';

export interface OrganizationValues extends OrganizationAnswers {
  consent: boolean;
}

export type OrganizationStatus = 'idle' | 'invalid' | 'rateLimited' | 'unavailable' | 'tooLarge';

export interface OrganizationFormState {
  status: OrganizationStatus;
  values: OrganizationValues;
  fieldErrors: Partial<Record<OrganizationField, OrganizationErrorKey>>;
  /** When refused for too many attempts: when one is accepted again (ISO 8601; the page says when). */
  retryAt?: string;
}

export function emptyOrganizationValues(): OrganizationValues {
  return { organization: '', kind: '', contactName: '', email: '', phone: '', purposes: [], message: '', consent: false };
}

const maxEcho = 300;
const maxMessageEcho = messageMaxLength + 100;

function text(formData: FormData, name: string, max = maxEcho): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The values of a posted form, as typed (bounded: they travel back in a header). */
export function organizationValuesFrom(formData: FormData): OrganizationValues {
  return {
    organization: text(formData, 'organization'),
    kind: text(formData, 'kind', 64),
    contactName: text(formData, 'contactName'),
    email: text(formData, 'email'),
    phone: text(formData, 'phone'),
    purposes: formData
      .getAll('purposes')
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 10)
      .map((v) => v.slice(0, 64)),
    message: text(formData, 'message', maxMessageEcho),
    consent: formData.get('consent') === 'yes',
  };
}

/** A posted form as the schema reads it: a field sent twice or as a file fails like a missing one. */
export function organizationInputFrom(formData: FormData): OrganizationInput {
  const raw = (name: string) => {
    const all = formData.getAll(name);
    return all.length === 1 && typeof all[0] === 'string' ? all[0] : '';
  };
  return {
    organization: raw('organization'),
    kind: raw('kind'),
    contactName: raw('contactName'),
    email: raw('email'),
    phone: raw('phone'),
    purposes: formData.getAll('purposes').map((v) => (typeof v === 'string' ? v : '')),
    message: formData.getAll('message').length > 1 ? '\u0000' : raw('message'),
    consent: raw('consent'),
  };
}

const stateSchema = z.object({
  status: z.enum(['idle', 'invalid', 'rateLimited', 'unavailable', 'tooLarge']),
  values: z.object({
    organization: z.string().max(maxEcho),
    kind: z.string().max(64),
    contactName: z.string().max(maxEcho),
    email: z.string().max(maxEcho),
    phone: z.string().max(maxEcho),
    purposes: z.array(z.string().max(64)).max(10),
    message: z.string().max(maxMessageEcho),
    consent: z.boolean(),
  }),
  fieldErrors: z.partialRecord(z.enum(organizationFields), z.enum(organizationErrorKeys)),
  retryAt: z.iso.datetime().optional(),
});

export function encodeOrganizationState(state: OrganizationFormState): string {
  return encodeHeaderState(state);
}

export function decodeOrganizationState(value: string | null): OrganizationFormState | null {
  return decodeHeaderState(stateSchema, value);
}

export { organizationStateHeader } from './state-header';
