import type { ReactNode } from 'react';

/** A table that scrolls on its own (staff pages, My data): a caption for screen readers, column headers, and rows from the caller. */
export function DataTable(props: { caption: string; columns: readonly string[]; children: ReactNode; className?: string }) {
  return (
    // Focusable and named, so a keyboard can scroll a table wider than the screen (axe: scrollable-region-focusable).
    <div className={`overflow-x-auto ${props.className ?? 'mt-3'}`} tabIndex={0} role="region" aria-label={props.caption}>
      <Table
        caption={props.caption}
        headers={props.columns.map((column) => (
          <th key={column} scope="col" className="p-2">
            {column}
          </th>
        ))}
      >
        {props.children}
      </Table>
    </div>
  );
}

/** A table named by a hidden caption, with one row of column headers (the caller's `<th scope="col">` cells). */
export function Table(props: { caption: string; headers: ReactNode; children: ReactNode }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">{props.headers}</tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

/** A message about what just happened (saved, deleted, ignored filters), announced politely. */
export function StatusNotice({ tone = 'success', children }: { tone?: 'success' | 'warning'; children: ReactNode }) {
  const colors = tone === 'success' ? 'border-brand-600 bg-brand-50' : 'border-amber-700 bg-amber-50 text-amber-950';
  return (
    <p role="status" className={`mt-4 rounded border p-3 ${colors}`}>
      {children}
    </p>
  );
}
