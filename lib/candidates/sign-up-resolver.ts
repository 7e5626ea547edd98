// The sign-up schema as react-hook-form's resolver. The form page imports this module only when someone starts
// filling in the form (components/talent/TalentForm.tsx), so zod and the phone metadata are not part of the
// page's first load.
import { zodResolver } from '@hookform/resolvers/zod';
import { signUpSchema } from './schema';

export function createSignUpResolver() {
  return zodResolver(signUpSchema());
}
