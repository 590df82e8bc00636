import { assertFinite } from './assert-finite.js';
import { downsideDeviation } from './downside-deviation.js';
import { mean } from './mean.js';
import { DEFAULT_PERIODS_PER_YEAR } from './periods-per-year.js';

/** Options of `sortinoRatio`. */
export interface SortinoOptions {
  /** P, periods per year (default 252: daily bars). */
  periodsPerYear?: number;
  /** Minimum acceptable return per period T (default 0). */
  requiredReturn?: number;
}

/**
 * Annualised Sortino ratio (Sortino & Price 1994) of simple per-period returns:
 *   Sortino = mean(r − T)·P / (DD·√P),   DD = √( (1/n)·Σ_t min(r_t − T, 0)² ) over ALL n periods
 * (empyrical `sortino_ratio`; quantstats `sortino` with its default settings).
 * Undefined for fewer than 2 returns or when no return is below T (DD = 0).
 */
export function sortinoRatio(returns: ArrayLike<number>, options: SortinoOptions = {}): number | undefined {
  assertFinite(returns, 'returns');
  if (returns.length < 2) return undefined;
  const periodsPerYear = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const target = options.requiredReturn ?? 0;
  const dd = downsideDeviation(returns, { requiredReturn: target })!;
  if (dd === 0) return undefined;
  return ((mean(returns)! - target) * periodsPerYear) / (dd * Math.sqrt(periodsPerYear));
}
