import { cagr } from './cagr.js';
import { equityFromReturns } from './equity-from-returns.js';
import { type MaxDrawdown, maxDrawdown } from './max-drawdown.js';
import { DEFAULT_PERIODS_PER_YEAR } from './periods-per-year.js';

/**
 * Calmar ratio (Young 1991) of simple per-period returns: CAGR / |MDD|, with CAGR as in `cagr`
 * and MDD the maximum drawdown of the equity curve that starts at 1 before the first return
 * (empyrical `calmar_ratio`, which uses the whole series rather than the last 36 months).
 * Undefined for an empty series or when there is no drawdown.
 * @param periodsPerYear P (default 252: daily bars).
 */
export function calmarRatio(returns: ArrayLike<number>, periodsPerYear = DEFAULT_PERIODS_PER_YEAR): number | undefined {
  return calmarFromParts(cagr(returns, periodsPerYear), maxDrawdown(equityFromReturns(returns)));
}

/**
 * CAGR / |MDD| from an already computed CAGR and maximum drawdown (drawdown depth is
 * scale-free, so the drawdown of the account's own equity curve serves). Undefined when either
 * is undefined or there is no drawdown.
 */
export function calmarFromParts(growth: number | undefined, drawdown: MaxDrawdown | undefined): number | undefined {
  if (growth === undefined || drawdown === undefined || drawdown.depth === 0) return undefined;
  return growth / drawdown.depth;
}
