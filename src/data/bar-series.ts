import { medianInPlace } from './median.js';

/**
 * A market's bars as typed columns: the one data shape every later stage reads.
 * Rows are sorted by strictly increasing `timestamps`; all columns have the same length.
 */
export interface BarSeries {
  /** Instrument name (from the file name or the generator). */
  readonly symbol: string;
  /** Bar open times, Unix epoch milliseconds (UTC), strictly increasing. */
  readonly timestamps: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  /** Traded volume per bar; zeros when the source has no volume. */
  readonly volume: Float64Array;
  /** Typical bar spacing in milliseconds (median of timestamp differences); 0 for < 2 bars. */
  readonly intervalMs: number;
}

/** Number of bars in a series. */
export function barCount(series: BarSeries): number {
  return series.timestamps.length;
}

/**
 * Typical bar spacing in milliseconds: the median of consecutive timestamp differences,
 * robust to weekend and holiday gaps. 0 when there are fewer than two bars.
 */
export function inferIntervalMs(timestamps: Float64Array): number {
  const n = timestamps.length;
  if (n < 2) return 0;
  const diffs = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diffs[i - 1] = timestamps[i]! - timestamps[i - 1]!;
  return medianInPlace(diffs);
}

/** Builds a BarSeries from columns, inferring the interval. Columns are used as given (not copied). */
export function createBarSeries(columns: {
  symbol: string;
  timestamps: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}): BarSeries {
  return { ...columns, intervalMs: inferIntervalMs(columns.timestamps) };
}

/** Rows [start, end) of a series as a new BarSeries sharing the underlying buffers. */
export function sliceBars(series: BarSeries, start: number, end: number): BarSeries {
  return createBarSeries({
    symbol: series.symbol,
    timestamps: series.timestamps.subarray(start, end),
    open: series.open.subarray(start, end),
    high: series.high.subarray(start, end),
    low: series.low.subarray(start, end),
    close: series.close.subarray(start, end),
    volume: series.volume.subarray(start, end),
  });
}
