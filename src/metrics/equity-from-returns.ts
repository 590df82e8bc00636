import { assertFinite } from './assert-finite.js';

/**
 * The equity curve of a returns series, starting at `start` before the first return:
 * equity[0] = start, equity[t + 1] = equity[t]·(1 + r_t); length n + 1 (empyrical
 * `cum_returns(starting_value=1)`, with the starting point kept).
 */
export function equityFromReturns(returns: ArrayLike<number>, start = 1): Float64Array {
  assertFinite(returns, 'returns');
  const equity = new Float64Array(returns.length + 1);
  equity[0] = start;
  for (let t = 0; t < returns.length; t++) equity[t + 1] = equity[t]! * (1 + returns[t]!);
  return equity;
}
