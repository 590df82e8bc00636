import { assertFinite } from './assert-finite.js';

/** Options of `hitRate`. */
export interface HitRateOptions {
  /** Count zero values in the denominator (default false: they are neither hits nor misses). */
  countZeros?: boolean;
}

/**
 * Fraction of winners: #{x > 0} / #{x ≠ 0} by default (quantstats `win_rate`), or
 * #{x > 0} / n with `countZeros`. It measures whatever series it is given: pass per-period
 * returns for the share of winning periods (flat periods excluded), or per-trade returns (from a
 * backtest's trade list) for the share of winning trades. Undefined when the denominator is 0.
 */
export function hitRate(values: ArrayLike<number>, options: HitRateOptions = {}): number | undefined {
  assertFinite(values, 'values');
  let wins = 0;
  let nonZero = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! > 0) wins++;
    if (values[i] !== 0) nonZero++;
  }
  const denominator = options.countZeros === true ? values.length : nonZero;
  return denominator === 0 ? undefined : wins / denominator;
}
