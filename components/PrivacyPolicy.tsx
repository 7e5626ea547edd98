import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/routing';
import { policyDocument } from '@/lib/consent/policy-text';

/** The full policy the consent notice links to, with the version every consent record stores (lib/consent/policy-text.ts). */
export function PrivacyPolicy({ locale }: { locale: Locale }) {
  const policy = policyDocument(locale);
  // The agency's address becomes a mailto link wherever a text names it.
  const linked = (text: string) =>
    text.split(policy.email).flatMap((part, i) =>
      i === 0
        ? [part]
        : [
            <a key={i} className="text-brand-700 underline" href={`mailto:${policy.email}`}>
              {policy.email}
            </a>,
            part,
          ],
    );
  return (
    <article className="mx-auto max-w-3xl px-4 py-10 leading-relaxed">
      <h1 className="text-3xl font-bold">{policy.title}</h1>
      <p className="mt-2 text-slate-700">{policy.version}</p>
      <p className="mt-4">{policy.intro}</p>
      {policy.sections.map((section) => (
        <Section key={section.id} title={section.heading}>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{linked(paragraph)}</p>
          ))}
          {section.items && (
            <ul className="list-disc pl-6">
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </Section>
      ))}
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{title}</h2>
      <div className="mt-2 flex flex-col gap-3">{children}</div>
    </section>
  );
}
