import { assertFinite } from './assert-finite.js';
import { DEFAULT_PERIODS_PER_YEAR } from './periods-per-year.js';
import { sampleStd } from './sample-std.js';

/**
 * Annualised volatility of simple per-period returns: std(r, ddof = 1)·√P
 * (empyrical `annual_volatility`). Undefined for fewer than 2 returns.
 * @param periodsPerYear P (default 252: daily bars).
 */
export function annualVolatility(returns: ArrayLike<number>, periodsPerYear = DEFAULT_PERIODS_PER_YEAR): number | undefined {
  assertFinite(returns, 'returns');
  const std = sampleStd(returns);
  return std === undefined ? undefined : std * Math.sqrt(periodsPerYear);
}
