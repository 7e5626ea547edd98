// The organizations' form (/join): field names, closed lists and error keys, shared by the form, its schema, the
// server and staff pages. Words live in messages under `OrganizationForm` and `Options`.

export const organizationFields = ['organization', 'kind', 'contactName', 'email', 'phone', 'purposes', 'message', 'consent'] as const;
export type OrganizationField = (typeof organizationFields)[number];

/** What an organization tells us in the form: as typed on its way back to the form, as accepted in the register. */
export interface OrganizationAnswers {
  organization: string;
  kind: string;
  contactName: string;
  email: string;
  phone: string;
  purposes: string[];
  message: string;
}

export const organizationKinds = ['company', 'school', 'university', 'trade_association', 'ngo', 'government'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** What an organization wants to do: hire bilingual people, train its people, join the Mesa, host an event. */
export const organizationPurposes = ['hire', 'train', 'mesa', 'event'] as const;
export type OrganizationPurpose = (typeof organizationPurposes)[number];

export const organizationRequestStatuses = ['new', 'in_progress', 'answered', 'closed'] as const;
export type OrganizationRequestStatus = (typeof organizationRequestStatuses)[number];

export const organizationErrorKeys = [
  'organization.required',
  'organization.tooLong',
  'organization.invalid',
  'kind.required',
  'contactName.required',
  'contactName.tooLong',
  'contactName.invalid',
  'email.required',
  'email.invalid',
  'phone.required',
  'phone.invalid',
  'purposes.required',
  'message.tooLong',
  'message.invalid',
  'consent.required',
] as const;
export type OrganizationErrorKey = (typeof organizationErrorKeys)[number];

export const organizationHoneypot = 'website';
export const messageMaxLength = 2000;
