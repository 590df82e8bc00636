import { barCount, type BarSeries } from '../data/bar-series.js';
import { dataFingerprint } from '../data/fingerprint.js';
import { formatTimestamp, timestampStyleFor } from '../data/timestamp-formatter.js';
import { featureWarmupBars } from '../features/feature-catalog.js';
import { maxDrawdown } from '../metrics/max-drawdown.js';
import { DEFAULT_PERIODS_PER_YEAR, inferPeriodsPerYear } from '../metrics/periods-per-year.js';
import { sharpeRatio } from '../metrics/sharpe-ratio.js';
import { findBarGaps } from './bar-gaps.js';
import { returnStatistics, type ReturnStatistics } from './return-statistics.js';

/** Gaps shown individually in an inspection. */
const LISTED_GAPS = 5;

/** A gap as shown to users. */
export interface GapSummary {
  from: string;
  to: string;
  missingBars: number;
}

/** What `tradegym data inspect` reports about a series. Times are ISO text (UTC). */
export interface BarsInspection {
  symbol: string;
  rows: number;
  first: string;
  last: string;
  /** Median bar spacing, ms, and as text ("1d", "1h", "15m"). */
  intervalMs: number;
  interval: string;
  periodsPerYear: number;
  periodsPerYearSource: 'inferred' | 'default';
  /** Spacings above 1.5 × interval: all of them, the weekend-only ones, and the first others. */
  gaps: { total: number; weekendOnly: number; other: number; largest: GapSummary | null; firstOther: GapSummary[] };
  price: { firstClose: number; lastClose: number; minLow: number; maxHigh: number };
  /** Close-to-close simple returns. */
  returns: ReturnStatistics & { minAt: string | null; maxAt: string | null; sharpe: number | null };
  /** Buy-and-hold maximum drawdown of the close, a fraction. */
  maxDrawdown: number | null;
  zeroVolumeBars: number;
  /** Bars the default 20-feature state needs before its first observation, and observable bars left. */
  featureWarmupBars: number;
  observableBars: number;
  fingerprint: string;
}

/**
 * Summarises a series for `data inspect`: rows, time range, interval, gaps, price range,
 * return statistics (`returnStatistics`), buy-and-hold Sharpe and maximum drawdown (DESIGN.md
 * metric conventions, P inferred from the timestamps), zero-volume bars and the feature warm-up.
 */
export function inspectBars(series: BarSeries): BarsInspection {
  const n = barCount(series);
  const style = timestampStyleFor(series.timestamps);
  const time = (i: number) => formatTimestamp(series.timestamps[i]!, style);
  const inferred = inferPeriodsPerYear(series.timestamps);
  const periodsPerYear = inferred ?? DEFAULT_PERIODS_PER_YEAR;
  const returns = closeReturns(series.close);
  const stats = returnStatistics(returns, periodsPerYear);
  const gaps = findBarGaps(series);
  const toSummary = (g: (typeof gaps)[number]): GapSummary => ({ from: time(g.fromIndex), to: time(g.fromIndex + 1), missingBars: g.missingBars });
  const largest = gaps.reduce<(typeof gaps)[number] | null>((best, g) => (best === null || g.missingBars > best.missingBars ? g : best), null);
  const other = gaps.filter((g) => !g.weekendOnly);
  const warmup = featureWarmupBars();
  return {
    symbol: series.symbol,
    rows: n,
    first: time(0),
    last: time(n - 1),
    intervalMs: series.intervalMs,
    interval: intervalText(series.intervalMs),
    periodsPerYear,
    periodsPerYearSource: inferred === undefined ? 'default' : 'inferred',
    gaps: { total: gaps.length, weekendOnly: gaps.length - other.length, other: other.length, largest: largest && toSummary(largest), firstOther: other.slice(0, LISTED_GAPS).map(toSummary) },
    price: { firstClose: series.close[0]!, lastClose: series.close[n - 1]!, minLow: series.low.reduce((a, b) => Math.min(a, b)), maxHigh: series.high.reduce((a, b) => Math.max(a, b)) },
    returns: {
      ...stats,
      minAt: stats.minIndex === null ? null : time(stats.minIndex + 1),
      maxAt: stats.maxIndex === null ? null : time(stats.maxIndex + 1),
      sharpe: sharpeRatio(returns, { periodsPerYear }) ?? null,
    },
    maxDrawdown: maxDrawdown(series.close)?.depth ?? null,
    zeroVolumeBars: series.volume.reduce((count, v) => count + (v === 0 ? 1 : 0), 0),
    featureWarmupBars: warmup,
    observableBars: Math.max(0, n - warmup),
    fingerprint: dataFingerprint(series),
  };
}

/** A bar spacing as compact text: "1d", "4h", "15m", "30s", else milliseconds ("250ms"). */
export function intervalText(ms: number): string {
  const units: Array<[number, string]> = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  for (const [size, suffix] of units) if (ms >= size && ms % size === 0) return `${ms / size}${suffix}`;
  return `${ms}ms`;
}

function closeReturns(close: Float64Array): Float64Array {
  const returns = new Float64Array(Math.max(0, close.length - 1));
  for (let t = 1; t < close.length; t++) returns[t - 1] = close[t]! / close[t - 1]! - 1;
  return returns;
}
