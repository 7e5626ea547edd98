import type { ReactNode } from 'react';

export interface ChartRow {
  key: string;
  label: string;
  /** Null: withheld (no bar, the words say why). */
  count: number | null;
  /** The count as the page prints it ("1.234", or the withheld wording). */
  text: string;
}

const width = 320;
const rowHeight = 46;
const barHeight = 14;

/**
 * A horizontal bar chart drawn on the server as SVG: each row's label above its bar, so long names need no
 * room beside it on a phone. It is an image with a short name; the table right after it holds the same figures
 * for screen readers, keyboard users and anyone who prefers numbers.
 */
export function BarChart({ rows, label, caption }: { rows: ChartRow[]; label: string; caption?: ReactNode }) {
  const max = Math.max(1, ...rows.map((row) => row.count ?? 0));
  const height = rows.length * rowHeight + 4;
  return (
    <figure className="mt-4 max-w-xl">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        className="h-auto text-ink"
        xmlns="http://www.w3.org/2000/svg"
      >
        {rows.map((row, i) => {
          const y = i * rowHeight;
          const barWidth = row.count === null ? 0 : Math.max(2, Math.round(((width - 60) * row.count) / max));
          return (
            <g key={row.key}>
              <text x="0" y={y + 16} fontSize="13" fill="currentColor">
                {row.label}
              </text>
              {row.count === null ? (
                <rect x="0" y={y + 22} width={width - 60} height={barHeight} fill="none" stroke="#64748b" strokeDasharray="4 3" />
              ) : (
                <rect x="0" y={y + 22} width={barWidth} height={barHeight} fill="#08564f" />
              )}
              <text
                x={row.count === null ? 6 : barWidth + 6}
                y={y + 33}
                fontSize="12"
                fontWeight="700"
                fill="currentColor"
              >
                {row.text}
              </text>
            </g>
          );
        })}
      </svg>
      {caption ? <figcaption className="mt-1 text-sm text-slate-700">{caption}</figcaption> : null}
    </figure>
  );
}
