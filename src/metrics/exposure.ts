import { assertFinite } from './assert-finite.js';

/** How much of the time, and how heavily, a strategy is in the market. */
export interface Exposure {
  /** #{t : p_t ≠ 0} / n, the fraction of periods holding a position. */
  timeInMarket: number;
  /** (1/n)·Σ|p_t|, the mean gross exposure as a fraction of equity. */
  meanAbsPosition: number;
}

/**
 * Exposure of signed positions p_t (fractions of equity held over period t). Undefined for an
 * empty series.
 */
export function exposure(positions: ArrayLike<number>): Exposure | undefined {
  assertFinite(positions, 'positions');
  const n = positions.length;
  if (n === 0) return undefined;
  let active = 0;
  let gross = 0;
  for (let t = 0; t < n; t++) {
    if (positions[t] !== 0) active++;
    gross += Math.abs(positions[t]!);
  }
  return { timeInMarket: active / n, meanAbsPosition: gross / n };
}
