import { assertFinite } from './assert-finite.js';
import { DEFAULT_PERIODS_PER_YEAR } from './periods-per-year.js';

/** Trading activity of a position series. Units: fraction of equity traded. */
export interface Turnover {
  /** mean_t |p_t − p_{t−1}|, fraction of equity per period (1 = the whole equity traded each period). */
  perPeriod: number;
  /** perPeriod · P, fraction of equity per year. */
  annual: number;
}

/** Options of `turnover`. */
export interface TurnoverOptions {
  /** P, periods per year (default 252: daily bars). */
  periodsPerYear?: number;
  /** Position before the first period, p_{−1} (default 0: starting flat, so entering counts). */
  initialPosition?: number;
}

/**
 * Turnover of target exposures p_t (signed fractions of equity held over period t):
 *   perPeriod = (1/n)·Σ_{t=0}^{n−1} |p_t − p_{t−1}|,  annual = perPeriod·P.
 * Going from −1 to +1 trades 2 (twice the equity). Undefined for an empty series.
 */
export function turnover(positions: ArrayLike<number>, options: TurnoverOptions = {}): Turnover | undefined {
  assertFinite(positions, 'positions');
  const n = positions.length;
  if (n === 0) return undefined;
  let previous = options.initialPosition ?? 0;
  let traded = 0;
  for (let t = 0; t < n; t++) {
    traded += Math.abs(positions[t]! - previous);
    previous = positions[t]!;
  }
  const perPeriod = traded / n;
  return { perPeriod, annual: perPeriod * (options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR) };
}
