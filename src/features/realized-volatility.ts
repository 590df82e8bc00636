/**
 * Realised volatility per bar: √(mean of r² over the last `window` one-bar log returns
 * r[i] = ln(close[i] / close[i − 1]), i = t − window + 1 … t), not demeaned (Andersen &
 * Bollerslev 1998). NaN for t < window. 0 on flat prices.
 */
export function realizedVolatility(close: Float64Array, window: number): Float64Array {
  const n = close.length;
  const out = new Float64Array(n).fill(NaN);
  const squared = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const r = Math.log(close[i]! / close[i - 1]!);
    squared[i] = r * r;
  }
  for (let t = window; t < n; t++) {
    let sum = 0;
    for (let i = t - window + 1; i <= t; i++) sum += squared[i]!;
    out[t] = Math.sqrt(sum / window);
  }
  return out;
}
