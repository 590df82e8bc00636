import { TradegymError } from '../core/errors.js';
import { assertFinite } from './assert-finite.js';

/**
 * Simple per-period returns of an equity curve: r_t = equity[t + 1] / equity[t] − 1, for
 * t = 0 … n − 2 (length n − 1; empty for n < 2). Simple, not log, returns — the convention of
 * every metric here (DESIGN.md "Metrics conventions").
 * @param equity account value per bar, finite; every value but the last must be > 0.
 * @throws TradegymError `E_BAD_ARGUMENT` naming the first offending index.
 */
export function returnsFromEquity(equity: ArrayLike<number>): Float64Array {
  assertFinite(equity, 'equity');
  const n = equity.length;
  const returns = new Float64Array(Math.max(0, n - 1));
  for (let t = 0; t < n - 1; t++) {
    const before = equity[t]!;
    if (!(before > 0)) {
      throw new TradegymError(
        'E_BAD_ARGUMENT',
        `equity[${t}] is ${before}; returns need a positive equity before each period (a bankrupt curve must end at its first value ≤ 0).`,
        { column: 'equity', value: String(before) },
      );
    }
    returns[t] = equity[t + 1]! / before - 1;
  }
  return returns;
}
