/** Bars per month, one or two series; the table under the plots says the same in numbers. */
export function BarPlot({ title, months, series, max }: { title: string; months: string[]; series: Array<{ name: string; values: Array<number | null>; tone: string }>; max: number }) {
  const width = 640;
  const height = 180;
  const left = 40;
  const bottom = 150;
  const slot = (width - left - 10) / Math.max(1, months.length);
  const bar = Math.max(2, (slot * 0.7) / series.length);
  const top = Math.max(1, max);
  const described = series.map((s) => `${s.name}: ${months.map((m, i) => `${m} ${s.values[i] ?? '—'}`).join(', ')}`).join('; ');
  return (
    <figure class="figures-plot">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}. ${described}`}>
        <line x1={left} y1={bottom} x2={width - 10} y2={bottom} class="figures-axis" />
        <text x={left - 6} y={20} text-anchor="end" class="figures-label">{top}</text>
        <text x={left - 6} y={bottom} text-anchor="end" class="figures-label">0</text>
        {months.map((month, i) => (
          <g key={month}>
            {series.map((s, j) => {
              const value = s.values[i];
              if (value === null || value === undefined) return null;
              const h = (value / top) * (bottom - 16);
              return <rect key={s.name} x={left + i * slot + slot * 0.15 + j * bar} y={bottom - h} width={bar} height={h} class={s.tone} />;
            })}
            <text x={left + i * slot + slot / 2} y={bottom + 16} text-anchor="middle" class="figures-label">{month.slice(2)}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        {title}
        {series.length > 1 && (
          <span class="figures-legend">
            {series.map((s) => (
              <span key={s.name}>
                <span class={`figures-swatch ${s.tone}`} aria-hidden="true" /> {s.name}
              </span>
            ))}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
