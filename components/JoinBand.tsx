import { Container } from '@/components/ui/Container';
import { ButtonLink } from '@/components/ui/ButtonLink';

/** The invitation to organizations that closes the home and programs pages. */
export function JoinBand(props: { id: string; heading: string; text: string; href: string; link: string }) {
  return (
    <section aria-labelledby={props.id} className="bg-brand-50 py-14">
      <Container className="flex flex-col gap-6 md:flex-row md:items-center md:justify-between">
        <div className="max-w-2xl">
          <h2 id={props.id} className="text-2xl font-bold text-brand-800 sm:text-3xl">
            {props.heading}
          </h2>
          <p className="mt-3 text-lg text-slate-800">{props.text}</p>
        </div>
        <ButtonLink href={props.href} variant="solid" className="shrink-0">
          {props.link}
        </ButtonLink>
      </Container>
    </section>
  );
}
