import { TradegymError } from '../core/errors.js';
import { formatTimestamp, timestampStyleFor } from '../data/timestamp-formatter.js';
import { equityFromReturns } from '../metrics/equity-from-returns.js';
import { DEFAULT_PERIODS_PER_YEAR, inferPeriodsPerYear } from '../metrics/periods-per-year.js';
import { summarizeEquity, type EquitySummary } from '../metrics/summarize-equity.js';
import type { ValueSeries } from './value-series-csv.js';

/** How the values of a series are read: simple per-period returns, or an equity curve. */
export type SeriesKind = 'returns' | 'equity';

/** The metrics of a series, as `tradegym metrics` reports them. */
export interface SeriesMetrics {
  kind: SeriesKind;
  /** Whether `kind` was given or guessed from the value column's name. */
  kindSource: 'given' | 'column name';
  valueColumn: string;
  first: string;
  last: string;
  summary: EquitySummary;
  /** Dates of the maximum drawdown's peak, trough and recovery (null when not recovered). */
  maxDrawdownDates: { peak: string; trough: string; recovery: string | null } | null;
}

/**
 * Metrics of a dated returns or equity series with the DESIGN.md conventions (`summarizeEquity`).
 * Returns r_t become equity 1, (1 + r_0), … — the curve starts at 1 before the first return,
 * dated one period before it (drawdowns then include a fall in the very first period).
 * P = `periodsPerYear`, else inferred from the dates, else 252. Without a `kind`, a value column
 * whose name contains "ret" is read as returns, anything else as equity.
 * @throws TradegymError E_BAD_ARGUMENT for an equity curve with a value ≤ 0 (suggesting --returns).
 */
export function seriesMetrics(series: ValueSeries, kind?: SeriesKind, periodsPerYear?: number): SeriesMetrics {
  const resolvedKind: SeriesKind = kind ?? (/ret/i.test(series.valueColumn) ? 'returns' : 'equity');
  if (resolvedKind === 'equity') checkEquity(series);
  const equity = resolvedKind === 'returns' ? equityFromReturns(series.values, 1) : series.values;
  const inferred = inferPeriodsPerYear(series.timestamps);
  const p = periodsPerYear ?? inferred ?? DEFAULT_PERIODS_PER_YEAR;
  const summary = summarizeEquity(equity, { periodsPerYear: p });
  summary.periodsPerYearSource = periodsPerYear !== undefined ? 'given' : inferred !== undefined ? 'inferred' : 'default';
  const style = timestampStyleFor(series.timestamps);
  const n = series.timestamps.length;
  // Equity index k is dated by the series' row k (equity) or row k − 1 (returns: index 0 is the start before the first return).
  const offset = resolvedKind === 'returns' ? -1 : 0;
  const dateOf = (k: number) => (k + offset < 0 ? `before ${formatTimestamp(series.timestamps[0]!, style)}` : formatTimestamp(series.timestamps[k + offset]!, style));
  const dd = summary.maxDrawdown;
  return {
    kind: resolvedKind,
    kindSource: kind === undefined ? 'column name' : 'given',
    valueColumn: series.valueColumn,
    first: formatTimestamp(series.timestamps[0]!, style),
    last: formatTimestamp(series.timestamps[n - 1]!, style),
    summary,
    maxDrawdownDates: dd === undefined || dd.depth === 0 ? null : {
      peak: dateOf(dd.peakIndex),
      trough: dateOf(dd.troughIndex),
      recovery: dd.recoveryIndex === undefined ? null : dateOf(dd.recoveryIndex),
    },
  };
}

function checkEquity(series: ValueSeries): void {
  const bad = series.values.findIndex((v) => !(v > 0));
  if (bad >= 0) {
    throw new TradegymError('E_BAD_ARGUMENT',
      `${series.file} line ${bad + 2}: equity value ${series.values[bad]} in column "${series.valueColumn}" is not positive; an equity curve must stay > 0. If the column holds per-period returns, pass --returns`,
      { file: series.file, line: bad + 2, column: series.valueColumn });
  }
}
