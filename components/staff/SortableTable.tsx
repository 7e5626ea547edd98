import type { ReactNode } from 'react';
import { Table } from '@/components/staff/DataTable';

export interface SortableColumn {
  title: string;
  /** The direction this column sorts the table in now, or null when it does not. */
  sort?: 'asc' | 'desc' | null;
  /** A link that sorts on this column (a GET: works without JavaScript, and the sort stays in the URL). */
  href?: string;
  /** What following the link does, for screen readers ("sort ascending"). */
  sortHint?: string;
}

/** A table whose sortable column headers are links; the sorted one says so with `aria-sort`. */
export function SortableTable(props: { caption: string; columns: readonly SortableColumn[]; children: ReactNode }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <Table
        caption={props.caption}
        headers={props.columns.map((column) => (
          <th
            key={column.title}
            scope="col"
            className="p-2"
            aria-sort={column.sort === 'asc' ? 'ascending' : column.sort === 'desc' ? 'descending' : undefined}
          >
            {column.href ? (
              <a className="text-brand-700 underline" href={column.href}>
                {column.title}
                {column.sort && <span aria-hidden="true">{column.sort === 'asc' ? ' ▲' : ' ▼'}</span>}
                <span className="sr-only">, {column.sortHint}</span>
              </a>
            ) : (
              column.title
            )}
          </th>
        ))}
      >
        {props.children}
      </Table>
    </div>
  );
}
