// Server-rendered SVG charts for the staff dashboard. The drawing is hidden from screen readers; the same
// numbers are in a table right below it (visually hidden), which is what assistive technology reads.

export interface Datum {
  label: string;
  value: number;
  /** The list of the candidates this bar counts. */
  href?: string;
}

interface ChartText {
  title: string;
  category: string;
  count: string;
  empty: string;
}

function DataTable({ data, text, id }: { data: Datum[]; text: ChartText; id: string }) {
  // With links, a keyboard user tabs into the table: it shows while focus is in it, so the focus is never invisible.
  return (
    <table className="sr-only focus-within:not-sr-only focus-within:mt-2 focus-within:text-sm" id={id}>
      <caption>{text.title}</caption>
      <thead>
        <tr>
          <th scope="col">{text.category}</th>
          <th scope="col">{text.count}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.label}>
            <th scope="row" className="text-left font-normal">
              {d.href ? (
                <a className="text-brand-700 underline" href={d.href}>
                  {d.label}
                </a>
              ) : (
                d.label
              )}
            </th>
            <td>{d.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Horizontal bars, one per category, with the label on the left and the count at the end of the bar. */
export function BarChart({ id, data, text }: { id: string; data: Datum[]; text: ChartText }) {
  const rowHeight = 28;
  const labelWidth = 190;
  const width = 560;
  const barSpace = width - labelWidth - 50;
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = Math.max(rowHeight, data.length * rowHeight);
  return (
    <figure className="rounded border border-slate-200 p-4">
      <figcaption className="mb-2 font-bold">{text.title}</figcaption>
      {data.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <>
          <svg aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="presentation">
            {data.map((d, i) => {
              const y = i * rowHeight;
              const w = Math.max(2, (d.value / max) * barSpace);
              const bar = (
                <>
                  <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#1b2430">
                    {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
                  </text>
                  <rect x={labelWidth} y={y + 5} width={w} height={rowHeight - 10} fill="#0b6b63" rx="2" />
                  <text x={labelWidth + w + 6} y={y + 18} fontSize="13" fill="#1b2430">
                    {d.value}
                  </text>
                </>
              );
              // The drawing is for the mouse (out of the tab order and hidden from screen readers): the same links
              // are in the table below.
              return d.href ? (
                <a key={d.label} href={d.href} tabIndex={-1} className="hover:opacity-80">
                  {bar}
                </a>
              ) : (
                <g key={d.label}>{bar}</g>
              );
            })}
          </svg>
          <DataTable id={`${id}-data`} data={data} text={text} />
        </>
      )}
    </figure>
  );
}

/** Columns over time (oldest on the left), labelled below every other column to stay readable. */
export function ColumnChart({ id, data, text }: { id: string; data: Datum[]; text: ChartText }) {
  const width = 720;
  const height = 220;
  const bottom = 40;
  const top = 20;
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = width / Math.max(1, data.length);
  return (
    <figure className="rounded border border-slate-200 p-4">
      <figcaption className="mb-2 font-bold">{text.title}</figcaption>
      <svg aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="presentation">
        <line x1="0" x2={width} y1={height - bottom} y2={height - bottom} stroke="#94a3b8" />
        {data.map((d, i) => {
          const h = ((height - bottom - top) * d.value) / max;
          const x = i * slot + slot * 0.15;
          return (
            <g key={d.label}>
              <rect x={x} y={height - bottom - h} width={slot * 0.7} height={h} fill="#0b6b63" rx="2" />
              <text x={x + slot * 0.35} y={height - bottom - h - 5} textAnchor="middle" fontSize="12" fill="#1b2430">
                {d.value}
              </text>
              {i % 2 === data.length % 2 ? null : (
                <text x={x + slot * 0.35} y={height - bottom + 18} textAnchor="middle" fontSize="11" fill="#1b2430">
                  {d.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <DataTable id={`${id}-data`} data={data} text={text} />
    </figure>
  );
}
