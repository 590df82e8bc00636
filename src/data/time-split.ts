import { TradegymError } from '../core/errors.js';
import { barCount, type BarSeries } from './bar-series.js';
import { formatTimestamp } from './timestamp-formatter.js';
import { parseTimestamp } from './timestamp-parser.js';

/**
 * Bar index range of one split. The split owns bars [start, end) and reads nothing else:
 * its first `warmupBars` bars [start, observableStart) only warm up the indicators and are
 * never observed; the observable range is [observableStart, end). Compute a split's features
 * on `sliceBars(series, start, end)`.
 */
export interface SplitRange {
  start: number;
  /** start + warmupBars. */
  observableStart: number;
  end: number;
}

/**
 * Chronological train / validation / test splits. Ranges are contiguous and disjoint
 * (train.end = validation.start, validation.end = test.start), so no split reads bars of a
 * later split and observable ranges never overlap. `validation` is undefined when not requested.
 */
export interface TimeSplits {
  train: SplitRange;
  validation: SplitRange | undefined;
  test: SplitRange;
  warmupBars: number;
}

/** Shares of the bars, in time order; they must sum to 1. `validation` may be omitted or 0. */
export interface SplitFractions {
  train: number;
  validation?: number;
  test: number;
}

/** Split start times (epoch ms or any text `parseTimestamp` accepts); each split begins at the first bar at or after its time. */
export interface SplitDates {
  validationStart?: number | string;
  testStart: number | string;
}

/** Extra requirements on every split. */
export interface SplitOptions {
  /** Observable bars each split needs after its warm-up; default 1. */
  minObservableBars?: number;
}

/**
 * Splits by shares of the bar count: train = [0, round(n·train)), validation up to
 * round(n·(train + validation)), test to n. Each split keeps its own warm-up at its start.
 * @throws TradegymError E_BAD_ARGUMENT for bad fractions; E_DATA_TOO_SHORT when a split cannot hold its warm-up plus `minObservableBars`.
 */
export function splitByFraction(series: BarSeries, fractions: SplitFractions, warmupBars: number, options: SplitOptions = {}): TimeSplits {
  const { train, test } = fractions;
  const validation = fractions.validation ?? 0;
  const parts = [train, validation, test];
  const sum = train + validation + test;
  if (parts.some((f) => !(f >= 0 && f <= 1)) || !(train > 0) || !(test > 0) || Math.abs(sum - 1) > 1e-9) {
    throw new TradegymError('E_BAD_ARGUMENT',
      `split fractions train ${train}, validation ${validation}, test ${test} are invalid; expected train > 0, test > 0, ` +
        `validation ≥ 0, summing to 1 (got ${sum}). Adjust the fractions`, { value: `${train},${validation},${test}` });
  }
  const n = barCount(series);
  const trainEnd = Math.round(n * train);
  const validationEnd = validation > 0 ? Math.round(n * (train + validation)) : trainEnd;
  return buildSplits(series, [trainEnd, validationEnd], validation > 0, warmupBars, options);
}

/**
 * Splits at dates: train = bars before `validationStart` (or `testStart` without validation),
 * validation = [validationStart, testStart), test = from `testStart` to the end.
 * @throws TradegymError E_BAD_ARGUMENT for unreadable or out-of-order dates; E_DATA_TOO_SHORT as in `splitByFraction`.
 */
export function splitByDate(series: BarSeries, dates: SplitDates, warmupBars: number, options: SplitOptions = {}): TimeSplits {
  const testStart = dateArgument(dates.testStart, 'testStart');
  const validationStart = dates.validationStart === undefined ? undefined : dateArgument(dates.validationStart, 'validationStart');
  if (validationStart !== undefined && !(validationStart < testStart)) {
    throw new TradegymError('E_BAD_ARGUMENT',
      `validationStart (${String(dates.validationStart)}) must be before testStart (${String(dates.testStart)}). Swap or fix the dates`);
  }
  const testIndex = firstIndexAtOrAfter(series.timestamps, testStart);
  const trainEnd = validationStart === undefined ? testIndex : firstIndexAtOrAfter(series.timestamps, validationStart);
  return buildSplits(series, [trainEnd, testIndex], validationStart !== undefined, warmupBars, options);
}

function buildSplits(
  series: BarSeries,
  [trainEnd, validationEnd]: readonly [number, number],
  hasValidation: boolean,
  warmupBars: number,
  options: SplitOptions,
): TimeSplits {
  const minObservable = options.minObservableBars ?? 1;
  if (!Number.isInteger(warmupBars) || warmupBars < 0 || !Number.isInteger(minObservable) || minObservable < 1) {
    throw new TradegymError('E_BAD_ARGUMENT',
      `warmupBars must be an integer ≥ 0 and minObservableBars an integer ≥ 1, got ${warmupBars} and ${minObservable}. Fix the arguments`);
  }
  const range = (name: string, start: number, end: number): SplitRange => {
    checkLength(series, name, start, end, warmupBars, minObservable);
    return { start, observableStart: start + warmupBars, end };
  };
  return {
    train: range('train', 0, trainEnd),
    validation: hasValidation ? range('validation', trainEnd, validationEnd) : undefined,
    test: range('test', validationEnd, barCount(series)),
    warmupBars,
  };
}

function checkLength(series: BarSeries, name: string, start: number, end: number, warmupBars: number, minObservable: number): void {
  const bars = end - start;
  const needed = warmupBars + minObservable;
  if (bars >= needed) return;
  const span = bars > 0
    ? ` (${formatTimestamp(series.timestamps[start]!, 'millis')} → ${formatTimestamp(series.timestamps[end - 1]!, 'millis')})`
    : '';
  throw new TradegymError('E_DATA_TOO_SHORT',
    `${series.symbol}: the ${name} split has ${bars} bars${span} but needs ${warmupBars} warm-up bars + ${minObservable} observable = ${needed}. ` +
      'Give it a larger share or wider dates, use more data, or reduce the warm-up', { value: String(bars) });
}

function dateArgument(value: number | string, name: string): number {
  const ms = typeof value === 'number' ? value : parseTimestamp(value);
  if (Number.isFinite(ms)) return ms;
  throw new TradegymError('E_BAD_ARGUMENT',
    `${name} "${String(value)}" is not a valid time; expected epoch ms or a date such as 2015-01-01. Fix the date`, { value: String(value) });
}

/** Index of the first timestamp ≥ t (binary search; n when none). */
function firstIndexAtOrAfter(timestamps: Float64Array, t: number): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamps[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
