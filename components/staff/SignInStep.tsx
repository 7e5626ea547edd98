import type { ReactNode } from 'react';
import type { CodeState, PasswordState } from '@/lib/staff/form-states';
import { CodeForm, type CodeFormText } from './CodeForm';
import { PasswordForm, type PasswordFormText } from './PasswordForm';
import { TotpQr } from './TotpQr';

export interface SignInStepText {
  title: string;
  intro: string;
  cancel: string;
  qrLabel?: string;
  manualKey?: string;
  start?: string;
  code?: CodeFormText;
  password?: PasswordFormText;
}

/**
 * One step of signing in after the password, on the sign-in page: the second factor, a password of one's own, or
 * setting up a second factor. Each is a plain form (no JavaScript needed), with a way out (sign out).
 */
export function SignInStep(props: {
  stage: 'second-factor' | 'password-change' | 'enrolment' | 'recovery-codes';
  email: string;
  text: SignInStepText;
  /** For `enrolment`: the secret to show, or null when a new one must be made first (`begin`). */
  secret?: string | null;
  verify?: (state: CodeState, form: FormData) => Promise<CodeState>;
  changePassword?: (state: PasswordState, form: FormData) => Promise<PasswordState>;
  begin?: () => Promise<void>;
  /** For `enrolment` and `recovery-codes`: the recovery codes were kept, go on. */
  acknowledge?: () => Promise<void>;
  cancel: () => Promise<void>;
}): ReactNode {
  const { stage, text } = props;
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <p className="mt-3">{text.intro}</p>
      {stage === 'enrolment' && props.secret && <TotpQr secret={props.secret} email={props.email} label={text.qrLabel!} manualKey={text.manualKey!} />}
      {stage === 'enrolment' && !props.secret && (
        <form action={props.begin} className="mt-4">
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-bold text-white hover:bg-brand-800">
            {text.start}
          </button>
        </form>
      )}
      {/* One slot for the code form in every stage, so the answer to setting up (the recovery codes) lands in the same
          form when the page is rendered again for it without JavaScript. */}
      {(stage === 'second-factor' || stage === 'recovery-codes' || (stage === 'enrolment' && props.secret)) && (
        <CodeForm action={props.verify!} text={text.code!} id="staff-code" acknowledge={props.acknowledge} codesShown={stage === 'recovery-codes'} />
      )}
      {stage === 'password-change' && <PasswordForm action={props.changePassword!} text={text.password!} idPrefix="new-password" />}
      <form action={props.cancel} className="mt-8">
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:border-brand-700">
          {text.cancel}
        </button>
      </form>
    </div>
  );
}
