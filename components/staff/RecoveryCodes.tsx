import type { ReactNode } from 'react';

/** Recovery codes, shown once: a list a person can copy or print. */
export function RecoveryCodes({ codes, title, intro, children }: { codes: string[]; title: string; intro: string; children?: ReactNode }) {
  return (
    <section role="status" aria-labelledby="recovery-codes-title" className="mt-4 rounded border border-brand-600 bg-brand-50 p-4">
      <h2 id="recovery-codes-title" className="text-xl font-bold">
        {title}
      </h2>
      <p className="mt-2">{intro}</p>
      <ul className="mt-3 grid gap-1 font-mono text-base sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      {children}
    </section>
  );
}
