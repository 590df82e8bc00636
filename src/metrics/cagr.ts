import { DEFAULT_PERIODS_PER_YEAR } from './periods-per-year.js';
import { totalReturn } from './total-return.js';

/**
 * Compound annual growth rate of simple per-period returns:
 *   CAGR = Π(1 + r_t)^(P / n) − 1,
 * n periods, P periods per year (empyrical `annual_return` / `cagr`, which count years as n / P,
 * not calendar time). −1 when the final wealth Π(1 + r_t) is ≤ 0 (total loss). Undefined for an
 * empty series.
 * @param periodsPerYear P (default 252: daily bars).
 */
export function cagr(returns: ArrayLike<number>, periodsPerYear = DEFAULT_PERIODS_PER_YEAR): number | undefined {
  const total = totalReturn(returns);
  if (total === undefined) return undefined;
  const growth = 1 + total;
  if (growth <= 0) return -1;
  return Math.pow(growth, periodsPerYear / returns.length) - 1;
}
