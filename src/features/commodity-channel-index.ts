/**
 * Commodity Channel Index (Lambert 1980): CCI = (TP − SMA(TP)) / (0.015 · mean |TP − SMA(TP)|) with
 * the typical price TP = (high + low + close) / 3; NaN before bar `period − 1` and where the mean
 * deviation is 0 (0/0 on a flat window).
 *
 * Computed here rather than with technicalindicators' `CCI`, whose generator-and-linked-list mean
 * deviation made it one of the two slowest indicators of the state (~1.5 s on 1M bars). The
 * arithmetic replicates the library's operation for operation — running sum (sum − oldest) + newest
 * for the SMA, Σ |TP − SMA| in window order — so the results are bitwise identical (tested).
 * Causal, typed arrays, O(n · period).
 */
export function commodityChannelIndex(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  const n = close.length;
  const tp = new Float64Array(n);
  for (let t = 0; t < n; t++) tp[t] = (high[t]! + low[t]! + close[t]!) / 3;
  const cci = new Float64Array(n).fill(NaN);
  let sum = 0;
  for (let t = 0; t < n; t++) {
    if (t < period - 1) {
      sum = sum + tp[t]!;
      continue;
    }
    sum = sum - (t >= period ? tp[t - period]! : 0) + tp[t]!;
    const sma = sum / period;
    let deviations = 0;
    for (let i = t - period + 1; i <= t; i++) deviations = deviations + Math.abs(tp[i]! - sma);
    cci[t] = (tp[t]! - sma) / (0.015 * (deviations / period));
  }
  return cci;
}
