import { comparisonTable } from './comparison-table.js';
import { drawdownSeries } from './drawdown-series.js';
import { formatMoney, formatTimestamp } from './format-number.js';
import { htmlEscape } from './html-escape.js';
import type { LabeledResult } from './labeled-result.js';
import { REPORT_CSS } from './report-css.js';
import { svgLineChart } from './svg-line-chart.js';

/** What a report shows besides the results. */
export interface ReportInput {
  readonly title: string;
  readonly description?: string;
  readonly results: readonly LabeledResult[];
  /** Run facts shown in a table (data, range, costs, sizing, seed, version, backend …). */
  readonly details: Readonly<Record<string, string>>;
}

/** Line colours, in strategy order (colour-blind-safe Tableau 10). */
export const SERIES_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#edc948', '#9c755f', '#ff9da7', '#bab0ac'];

/**
 * report.html: one self-contained page (inline CSS and SVG; no script, fonts or network) with
 * the metrics table, equity of every strategy on one chart (baselines included), their
 * drawdowns, the price with each strategy's buy ▲ / sell ▼ fills, and the run details.
 */
export function reportHtml(input: ReportInput): string {
  const { results } = input;
  const first = results[0]!.result;
  const timestamps = first.timestamps;
  const colored = results.map((r, i) => ({ ...r, color: SERIES_COLORS[i % SERIES_COLORS.length]! }));
  const subtitle = `${first.symbol} · ${formatTimestamp(timestamps[0]!)} → ${formatTimestamp(timestamps[timestamps.length - 1]!)} · ${timestamps.length} bars`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlEscape(input.title)} — tradegym backtest</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body><main>',
    `<h1>${htmlEscape(input.title)}</h1>`,
    `<p class="subtitle">${htmlEscape(subtitle)}</p>`,
    input.description ? `<p>${htmlEscape(input.description)}</p>` : '',
    '<h2>Metrics</h2>',
    metricsTableHtml(results),
    '<p class="note">Max DD is the largest fall from the running equity peak; Sharpe = mean/std(ddof 1)·√P and Sortino = mean·P/(downside deviation·√P) of simple per-bar returns, risk-free 0.</p>',
    `<h2>Equity</h2><figure>${equityChart(colored, timestamps)}</figure>`,
    `<h2>Drawdown</h2><figure>${drawdownChart(colored, timestamps)}</figure>`,
    '<h2>Price and fills</h2>',
    ...colored.map((r, i) => priceSection(r, r.color, i === openPriceSection(results))),
    '<h2>Run details</h2>',
    detailsTableHtml(input.details),
    '<p class="note">Decisions are taken on bar t’s close and filled at bar t+1’s open, moved against the trade by the slippage, with commission on the traded value.</p>',
    '</main></body></html>',
  ].join('\n');
}

type ColoredResult = LabeledResult & { readonly color: string };

function equityChart(results: readonly ColoredResult[], timestamps: Float64Array): string {
  return svgLineChart({
    title: 'Equity',
    timestamps,
    series: results.map((r) => ({ label: r.label, color: r.color, values: r.result.equity })),
    formatY: (v) => formatMoney(v).replace(/\.\d\d$/, ''),
  });
}

function drawdownChart(results: readonly ColoredResult[], timestamps: Float64Array): string {
  return svgLineChart({
    title: 'Drawdown from peak',
    timestamps,
    series: results.map((r) => ({ label: r.label, color: r.color, values: drawdownSeries(r.result.equity) })),
    formatY: (v) => `${Math.round(v * 100) || 0}%`,
    height: 220,
  });
}

/** The price section shown expanded: the first strategy that trades more than once (else the first). */
function openPriceSection(results: readonly LabeledResult[]): number {
  return Math.max(0, results.findIndex((r) => r.result.trades.length > 1));
}

function metricsTableHtml(results: readonly LabeledResult[]): string {
  const { columns, rows } = comparisonTable(results);
  const head = columns.map((c) => `<th>${htmlEscape(c)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, j) => (j === 0 ? `<th scope="row">${htmlEscape(cell)}</th>` : `<td>${htmlEscape(cell)}</td>`)).join('')}</tr>`);
  return `<table class="metrics"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function priceSection(entry: LabeledResult, color: string, open: boolean): string {
  const { result, label } = entry;
  const markers = result.trades.map((t) => ({ index: t.barIndex - result.start, value: t.openPrice, kind: t.side }));
  const chart = svgLineChart({
    title: `${result.symbol} close with ${label} fills`,
    timestamps: result.timestamps,
    series: [{ label: 'close', color: '#555', values: result.close }],
    markers,
    formatY: (v) => v.toPrecision(5),
    height: 260,
  });
  const summary = `${htmlEscape(label)} — ${result.trades.length} ${result.trades.length === 1 ? "fill" : "fills"}`;
  return `<details${open ? ' open' : ''} style="border-left-color:${htmlEscape(color)}"><summary>${summary}</summary><figure>${chart}</figure></details>`;
}

function detailsTableHtml(details: Readonly<Record<string, string>>): string {
  const rows = Object.entries(details).map(([k, v]) => `<tr><th scope="row">${htmlEscape(k)}</th><td>${htmlEscape(v)}</td></tr>`);
  return `<table class="details"><tbody>${rows.join('')}</tbody></table>`;
}
