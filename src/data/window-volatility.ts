/**
 * Realized volatility of every window of `length` close-to-close log returns: entry s is the
 * (population) standard deviation of log(C_{u+1}/C_u) for u = s … s + length − 1, for
 * s = 0 … n − 1 − length (NaN where the window does not fit). O(n) with prefix sums. A difficulty
 * measure for episodes that start at bar s and run `length` steps (regime curricula).
 */
export function windowVolatility(close: Float64Array, length: number): Float64Array {
  const n = close.length;
  const out = new Float64Array(n).fill(NaN);
  if (!(Number.isInteger(length) && length >= 1) || n < length + 1) return out;
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  for (let u = 0; u < n - 1; u++) {
    const r = Math.log(close[u + 1]! / close[u]!);
    sum[u + 1] = sum[u]! + r;
    sumSq[u + 1] = sumSq[u]! + r * r;
  }
  for (let s = 0; s + length <= n - 1; s++) {
    const m = (sum[s + length]! - sum[s]!) / length;
    const variance = (sumSq[s + length]! - sumSq[s]!) / length - m * m;
    out[s] = Math.sqrt(Math.max(0, variance));
  }
  return out;
}
