import type { BarRange } from '../backtest/backtest-options.js';
import type { BacktestSpec } from '../backtest/backtest-spec.js';
import { formatTimestamp } from '../backtest/format-number.js';
import { TradegymError } from '../core/errors.js';
import { type BarSeries, barCount, sliceBars } from '../data/bar-series.js';
import { splitByFraction } from '../data/time-split.js';
import { loadOrComputeFeatures } from '../features/feature-cache.js';
import { featureWarmupBars } from '../features/feature-catalog.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';

/** The bars, features and bar range every strategy of a spec is run on. */
export interface BacktestWindow {
  /** The split's own bars, or the whole series. */
  readonly series: BarSeries;
  /** Features of `series`, when a strategy needs them. */
  readonly features?: FeatureMatrix;
  /** Decision range, indices into `series`. */
  readonly range: BarRange;
  /** Index of `series[0]` in the full data. */
  readonly offset: number;
  /** e.g. "test split: bars 2016–2519 of 2520" or "2018-01-01 → 2019-12-31". */
  readonly description: string;
}

const DAY_MS = 86_400_000;

/**
 * Resolves a spec's `split` or `range` to the bars the strategies see. A split owns its bars
 * and keeps the feature warm-up inside them (`splitByFraction`; features computed on the
 * split alone; the first warm-up bars are not traded, for rule strategies too, so every
 * split is measured on the same bars whatever the strategies). A date `range` (both ends
 * inclusive; a date-only `to` covers that whole UTC day) reads earlier bars only as indicator
 * history. Features come from the on-disk cache when `needsFeatures`.
 */
export async function resolveBacktestWindow(
  spec: BacktestSpec,
  full: BarSeries,
  options: { readonly needsFeatures: boolean; readonly featureCacheDir?: string },
): Promise<BacktestWindow> {
  const features = async (series: BarSeries) =>
    options.needsFeatures ? (await loadOrComputeFeatures(series, {}, options.featureCacheDir === undefined ? {} : { cacheDir: options.featureCacheDir })).matrix : undefined;
  const n = barCount(full);
  if (spec.split !== undefined) {
    const { train, validation = 0, part } = spec.split;
    const splits = splitByFraction(full, { train, validation, test: 1 - train - validation }, featureWarmupBars(), { minObservableBars: 2 });
    const chosen = part === 'train' ? splits.train : part === 'validation' ? splits.validation! : splits.test;
    const series = sliceBars(full, chosen.start, chosen.end);
    const range = { start: chosen.observableStart - chosen.start, end: chosen.end - chosen.start };
    const description = `${part} split: bars ${chosen.observableStart}–${chosen.end - 1} of ${n} (${chosen.observableStart - chosen.start} warm-up bars before)`;
    return { series, features: await features(series), range, offset: chosen.start, description };
  }
  const matrix = await features(full);
  const firstAllowed = matrix?.firstValidIndex ?? 0;
  const fromMs = spec.range?.from === undefined ? -Infinity : Date.parse(spec.range.from);
  const toText = spec.range?.to;
  const toMs = toText === undefined ? Infinity : Date.parse(toText) + (/^\d{4}-\d{2}-\d{2}$/.test(toText) ? DAY_MS - 1 : 0);
  const start = Math.max(firstIndexAfter(full.timestamps, fromMs, true), firstAllowed);
  const end = firstIndexAfter(full.timestamps, toMs, false);
  if (end - start < 2) {
    throw new TradegymError(
      'E_DATA_TOO_SHORT',
      `range ${spec.range?.from ?? 'start'} → ${toText ?? 'end'} leaves ${Math.max(0, end - start)} bar(s) of ${full.symbol} to trade ` +
        `(data ${formatTimestamp(full.timestamps[0]!)} → ${formatTimestamp(full.timestamps[n - 1]!)}` +
        `${firstAllowed > 0 ? `, features defined from ${formatTimestamp(full.timestamps[firstAllowed]!)}` : ''}); widen the range`,
    );
  }
  const description = `${formatTimestamp(full.timestamps[start]!)} → ${formatTimestamp(full.timestamps[end - 1]!)}: bars ${start}–${end - 1} of ${n}`;
  return { series: full, features: matrix, range: { start, end }, offset: 0, description };
}

/** First index whose timestamp is ≥ t (`inclusive`) or > t. */
function firstIndexAfter(timestamps: Float64Array, t: number, inclusive: boolean): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inclusive ? timestamps[mid]! < t : timestamps[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
