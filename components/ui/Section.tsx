import type { ReactNode } from 'react';
import { Container } from '@/components/ui/Container';

// The public pages' parts: each a <section> named by its heading (aria-labelledby), so a screen reader lists them
// as regions by the words a sighted reader sees.

/** A page part's heading, in the site's one style for them; `id` is what its section is labelled by. */
export function SectionHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="text-3xl font-bold tracking-tight text-brand-800">
      {children}
    </h2>
  );
}

/** A band across the page (`className` gives its spacing and background), its content at the page's width. */
export function PageSection({ id, heading, className, children }: { id: string; heading: ReactNode; className: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <Container>
        <SectionHeading id={id}>{heading}</SectionHeading>
        {children}
      </Container>
    </section>
  );
}

/** The closing band on the brand colour: who to talk to, and the links (`children`) to do it. */
export function ContactBand({ id, heading, text, children }: { id: string; heading: string; text: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="bg-brand-800 py-12 text-white">
      <Container className="flex flex-col gap-5 md:flex-row md:items-center md:justify-between">
        <div className="max-w-2xl">
          <h2 id={id} className="text-3xl font-bold tracking-tight">
            {heading}
          </h2>
          <p className="mt-3 text-lg text-brand-50">{text}</p>
        </div>
        {children}
      </Container>
    </section>
  );
}
