import { assertFinite } from './assert-finite.js';
import { mean } from './mean.js';
import { DEFAULT_PERIODS_PER_YEAR } from './periods-per-year.js';
import { sampleStd } from './sample-std.js';

/** Options of `sharpeRatio`. */
export interface SharpeOptions {
  /** P, periods per year (default 252: daily bars). */
  periodsPerYear?: number;
  /** Risk-free rate per period, subtracted from every return (default 0). */
  riskFreePerPeriod?: number;
}

/**
 * Annualised Sharpe ratio (Sharpe 1966/1994) of simple per-period returns, excess over the
 * per-period risk-free rate r_f:
 *   Sharpe = mean(r − r_f) / std(r − r_f, ddof = 1) · √P
 * (empyrical `sharpe_ratio`). Undefined for fewer than 2 returns or zero standard deviation.
 */
export function sharpeRatio(returns: ArrayLike<number>, options: SharpeOptions = {}): number | undefined {
  assertFinite(returns, 'returns');
  const periodsPerYear = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const riskFree = options.riskFreePerPeriod ?? 0;
  const excess = riskFree === 0 ? returns : Float64Array.from(returns, (r) => r - riskFree);
  const std = sampleStd(excess);
  if (std === undefined || std === 0) return undefined;
  return (mean(excess)! / std) * Math.sqrt(periodsPerYear);
}
