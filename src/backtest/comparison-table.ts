import { formatCount, formatMoney, formatPercent, formatRatio, MISSING } from './format-number.js';
import type { LabeledResult } from './labeled-result.js';

/** A table of formatted cells: `columns` headers, one row per strategy. */
export interface ComparisonTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Columns whose cells are text (left-aligned); every other column is numeric (right-aligned). */
const TEXT_COLUMNS = new Set(['Strategy']);

/**
 * The metrics of several backtests side by side, formatted: final equity, total return,
 * CAGR, annual volatility, Sharpe, Sortino, max drawdown, Calmar, annual turnover, trades,
 * time in market, and — when any result has them — trainable parameters, training time, the
 * policy's weights size and its forgetting on the transfer base's source markets (Δ Sharpe).
 * Undefined metrics show as "—".
 */
export function comparisonTable(results: readonly LabeledResult[]): ComparisonTable {
  const withParams = results.some((r) => r.trainableParams !== undefined);
  const withTime = results.some((r) => r.trainSeconds !== undefined);
  const withWeights = results.some((r) => r.weightBytes !== undefined);
  const withForgetting = results.some((r) => r.forgetting !== undefined);
  const columns = ['Strategy', 'Final equity', 'Total return', 'CAGR', 'Ann. vol', 'Sharpe', 'Sortino', 'Max DD', 'Calmar', 'Turnover/yr', 'Trades', 'In market'];
  if (withParams) columns.push('Trainable params');
  if (withTime) columns.push('Train time');
  if (withWeights) columns.push('Weights');
  if (withForgetting) columns.push('Forgetting');
  const rows = results.map(({ label, result, trainableParams, trainSeconds, weightBytes, forgetting }) => {
    const m = result.metrics;
    const row = [
      label,
      formatMoney(result.finalEquity),
      formatPercent(m.totalReturn),
      formatPercent(m.cagr),
      formatPercent(m.annualVolatility),
      formatRatio(m.sharpe),
      formatRatio(m.sortino),
      formatPercent(m.maxDrawdown === undefined ? undefined : -m.maxDrawdown.depth),
      formatRatio(m.calmar),
      formatPercent(m.turnover?.annual),
      formatCount(result.trades.length),
      formatPercent(m.exposure?.timeInMarket),
    ];
    if (withParams) row.push(formatCount(trainableParams));
    if (withTime) row.push(trainSeconds === undefined ? MISSING : `${trainSeconds.toFixed(1)} s`);
    if (withWeights) row.push(weightBytes === undefined ? MISSING : `${(weightBytes / 1024).toFixed(1)} KiB`);
    if (withForgetting) row.push(forgetting === undefined || forgetting === null ? MISSING : formatSigned(forgetting));
    return row;
  });
  return { columns, rows };
}

/** A signed ratio with 2 decimals: 0.123 → "+0.12". */
function formatSigned(value: number): string {
  return `${value >= 0 ? '+' : ''}${formatRatio(value)}`;
}

/**
 * The comparison table as aligned plain text for a terminal: a header, a rule, one line per
 * strategy; text columns left-aligned, numbers right-aligned, two spaces between columns.
 */
export function formatComparisonTable(results: readonly LabeledResult[]): string {
  const { columns, rows } = comparisonTable(results);
  const widths = columns.map((c, j) => Math.max(c.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, j) => (TEXT_COLUMNS.has(columns[j]!) ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
