import { z } from 'zod';
import { staffRoles } from './roles';

// Form inputs of the staff back office, shared by the forms and the server actions. Issues carry message
// keys (under `StaffErrors`), translated per request.

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'emailRequired').max(320, 'emailInvalid').pipe(z.email('emailInvalid')),
  password: z.string().min(1, 'passwordRequired').max(1024, 'passwordInvalid'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const staffAccountSchema = z.object({
  email: z.string().trim().min(1, 'emailRequired').max(320, 'emailInvalid').pipe(z.email('emailInvalid')),
  name: z.string().trim().min(1, 'nameRequired').max(120, 'nameTooLong'),
  role: z.enum(staffRoles, 'roleInvalid'),
  // Empty: the server generates one and shows it once.
  password: z.string().max(1024, 'passwordTooLong'),
});
export type StaffAccountInput = z.infer<typeof staffAccountSchema>;

/** The first issue per field, as a message key. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
