import type { ReactNode } from 'react';

/**
 * A page that says one thing: what happened to a link or a request (confirmed, used, expired, unavailable), with
 * its explanation, an optional link onward, and whatever else the page adds below (a form, a note).
 */
export function MessagePage({ title, body, link, children }: { title: string; body?: ReactNode; link?: { href: string; label: string }; children?: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold">{title}</h1>
      {body !== undefined && <p className="mt-4 text-lg">{body}</p>}
      {children}
      {link && (
        <p className="mt-6">
          <a className="text-brand-700 underline" href={link.href}>
            {link.label}
          </a>
        </p>
      )}
    </div>
  );
}
