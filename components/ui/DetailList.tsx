import type { ReactNode } from 'react';

export type DetailRow = { label: string; value: ReactNode };

/** Facts about one thing (a program, an opportunity) as a description list, label beside value; nothing when empty. */
export function DetailList({ rows, className }: { rows: DetailRow[]; className: string }) {
  if (rows.length === 0) return null;
  return (
    <dl className={`${className} divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white`}>
      {rows.map((row) => (
        <div key={row.label} className="grid gap-1 px-4 py-3 sm:grid-cols-3 sm:gap-4">
          <dt className="font-bold text-slate-700">{row.label}</dt>
          <dd className="sm:col-span-2">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
