import { decimateSeries } from './decimate-series.js';
import { formatTimestamp } from './format-number.js';
import { htmlEscape } from './html-escape.js';
import { niceTicks } from './nice-ticks.js';

/** One line of a chart; `values[k]` belongs to `timestamps[k]` (shorter series end early). */
export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly values: ArrayLike<number>;
}

/** A trade marker at point `index` of the x axis. */
export interface ChartMarker {
  readonly index: number;
  readonly value: number;
  readonly kind: 'buy' | 'sell';
}

/** What `svgLineChart` draws. */
export interface LineChartOptions {
  readonly title: string;
  readonly timestamps: ArrayLike<number>;
  readonly series: readonly LineSeries[];
  readonly markers?: readonly ChartMarker[];
  readonly formatY: (value: number) => string;
  readonly width?: number;
  readonly height?: number;
  /** Points drawn per line at most (min–max decimation keeps the shape); default 1500. */
  readonly maxPoints?: number;
  /** Markers drawn at most (evenly thinned beyond); default 1000. */
  readonly maxMarkers?: number;
}

const MARGIN = { left: 76, right: 16, top: 30, bottom: 28 };

/**
 * A static SVG line chart (no script, no external resources) with y grid and labels, dated
 * x ticks, a legend, and ▲ buy / ▼ sell markers. Long series are decimated, so a 1M-bar
 * backtest still produces a small page. Text is HTML-escaped.
 */
export function svgLineChart(options: LineChartOptions): string {
  const width = options.width ?? 960;
  const height = options.height ?? 300;
  const n = options.timestamps.length;
  const [yMin, yMax] = valueRange(options.series, options.markers ?? []);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (i: number) => MARGIN.left + (n > 1 ? (i / (n - 1)) * plotW : plotW / 2);
  const y = (v: number) => MARGIN.top + (yMax > yMin ? (1 - (v - yMin) / (yMax - yMin)) * plotH : plotH / 2);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${htmlEscape(options.title)}">`,
    `<text x="${MARGIN.left}" y="18" class="chart-title">${htmlEscape(options.title)}</text>`,
    ...niceTicks(yMin, yMax).map((v) => yTick(y(v), options.formatY(v), width)),
    ...xTicks(options.timestamps, x, height),
    ...options.series.map((s) => polyline(s, x, y, options.maxPoints ?? 1500)),
    ...markerShapes(options.markers ?? [], x, y, options.maxMarkers ?? 1000),
    legend(options.series, width),
    '</svg>',
  ];
  return parts.join('\n');
}

function valueRange(series: readonly LineSeries[], markers: readonly ChartMarker[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  for (const m of markers) {
    lo = Math.min(lo, m.value);
    hi = Math.max(hi, m.value);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  return [lo - pad, hi + pad];
}

function yTick(py: number, label: string, width: number): string {
  return (
    `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${py.toFixed(1)}" y2="${py.toFixed(1)}" class="grid"/>` +
    `<text x="${MARGIN.left - 6}" y="${(py + 4).toFixed(1)}" class="tick" text-anchor="end">${htmlEscape(label)}</text>`
  );
}

function xTicks(timestamps: ArrayLike<number>, x: (i: number) => number, height: number): string[] {
  const n = timestamps.length;
  if (n === 0) return [];
  const count = Math.min(6, n);
  const out: string[] = [];
  for (let j = 0; j < count; j++) {
    const i = count === 1 ? 0 : Math.round((j * (n - 1)) / (count - 1));
    const anchor = j === 0 ? 'start' : j === count - 1 ? 'end' : 'middle';
    out.push(`<text x="${x(i).toFixed(1)}" y="${height - 8}" class="tick" text-anchor="${anchor}">${formatTimestamp(timestamps[i]!)}</text>`);
  }
  return out;
}

function polyline(series: LineSeries, x: (i: number) => number, y: (v: number) => number, maxPoints: number): string {
  const points = decimateSeries(series.values, maxPoints)
    .map((i) => `${x(i).toFixed(1)},${y(series.values[i]!).toFixed(1)}`)
    .join(' ');
  return `<polyline fill="none" stroke="${htmlEscape(series.color)}" stroke-width="1.5" points="${points}"><title>${htmlEscape(series.label)}</title></polyline>`;
}

function markerShapes(markers: readonly ChartMarker[], x: (i: number) => number, y: (v: number) => number, maxMarkers: number): string[] {
  const step = Math.max(1, Math.ceil(markers.length / maxMarkers));
  const out: string[] = [];
  for (let j = 0; j < markers.length; j += step) {
    const m = markers[j]!;
    const px = x(m.index);
    const py = y(m.value);
    const shape =
      m.kind === 'buy'
        ? `${px.toFixed(1)},${(py + 2).toFixed(1)} ${(px - 5).toFixed(1)},${(py + 10).toFixed(1)} ${(px + 5).toFixed(1)},${(py + 10).toFixed(1)}`
        : `${px.toFixed(1)},${(py - 2).toFixed(1)} ${(px - 5).toFixed(1)},${(py - 10).toFixed(1)} ${(px + 5).toFixed(1)},${(py - 10).toFixed(1)}`;
    out.push(`<polygon points="${shape}" class="${m.kind}"/>`);
  }
  return out;
}

function legend(series: readonly LineSeries[], width: number): string {
  let right = width - MARGIN.right;
  const items: string[] = [];
  for (const s of [...series].reverse()) {
    const textWidth = Math.min(200, s.label.length * 6.5);
    right -= textWidth + 22;
    items.push(
      `<rect x="${right.toFixed(1)}" y="10" width="12" height="3" fill="${htmlEscape(s.color)}"/>` +
        `<text x="${(right + 16).toFixed(1)}" y="16" class="legend">${htmlEscape(s.label)}</text>`,
    );
  }
  return items.join('\n');
}
