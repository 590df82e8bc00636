import { assertFinite } from './assert-finite.js';

/**
 * Compounded total return Π(1 + r_t) − 1 of simple per-period returns (a fraction: 0.1 = +10%;
 * empyrical `cum_returns_final`). Undefined for an empty series.
 */
export function totalReturn(returns: ArrayLike<number>): number | undefined {
  assertFinite(returns, 'returns');
  if (returns.length === 0) return undefined;
  let growth = 1;
  for (let t = 0; t < returns.length; t++) growth *= 1 + returns[t]!;
  return growth - 1;
}
