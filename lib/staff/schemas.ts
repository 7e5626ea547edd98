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

// New passwords: the rules themselves (length, common, the email) are checked by passwordProblem, which needs the
// account's email; these only bound the input.
const newPassword = z.string().min(1, 'passwordRequired').max(1024, 'passwordTooLong');

/** Changing one's own password: the current one again, the new one twice. */
export const ownPasswordChangeSchema = z.object({
  current: z.string().min(1, 'currentPasswordRequired').max(1024, 'currentPasswordWrong'),
  password: newPassword,
  confirm: z.string().max(1024, 'passwordMismatch'),
});

/** The sign-in step that replaces a password someone else chose: the new one twice. */
export const requiredPasswordChangeSchema = z.object({ password: newPassword, confirm: z.string().max(1024, 'passwordMismatch') });

/** A TOTP code (6 digits) or a recovery code, as typed: spaces and dashes are allowed. */
export const secondFactorCodeSchema = z.object({
  code: z.string().trim().min(1, 'codeRequired').max(64, 'codeInvalid').regex(/^[0-9A-Za-z\s-]+$/, 'codeInvalid'),
});

/** The first issue per field, as a message key. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
