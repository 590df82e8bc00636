/**
 * h-bar log returns ln(close[t] / close[t − h]); NaN for t < h. Causal by construction.
 * Prices are positive (validated when the series is loaded).
 */
export function logReturns(close: Float64Array, horizon: number): Float64Array {
  const out = new Float64Array(close.length).fill(NaN);
  for (let t = horizon; t < close.length; t++) out[t] = Math.log(close[t]! / close[t - horizon]!);
  return out;
}
