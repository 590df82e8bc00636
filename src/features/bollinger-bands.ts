/** Bollinger %B and bandwidth columns; NaN before bar `period − 1`. */
export interface BollingerColumns {
  /** (close − lower) / (upper − lower); NaN (0/0) when the window is flat. */
  readonly percentB: Float64Array;
  /** (upper − lower) / middle. */
  readonly bandwidth: Float64Array;
}

/**
 * Bollinger bands (Bollinger 2001): middle = SMA(period) of close, upper/lower = middle ± k·σ with σ
 * the population standard deviation of the same window.
 *
 * Computed here rather than with technicalindicators' `BollingerBands` because the library's
 * generator-and-linked-list standard deviation made it the slowest indicator of the state (1.4–2.8 s
 * of ~6 s on 1M bars). The arithmetic replicates the library's operation for operation — running
 * sum (sum − oldest) + newest for the mean, Σ Math.pow(x − mean, 2) in window order for σ — so the
 * results are bitwise identical (tested). Causal, typed arrays, O(n · period).
 */
export function bollingerBands(close: Float64Array, period: number, stdDevs: number): BollingerColumns {
  const n = close.length;
  const percentB = new Float64Array(n).fill(NaN);
  const bandwidth = new Float64Array(n).fill(NaN);
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const x = close[t]!;
    if (t < period - 1) {
      sum = sum + x;
      continue;
    }
    sum = sum - (t >= period ? close[t - period]! : 0) + x;
    const middle = sum / period;
    let squares = 0;
    for (let i = t - period + 1; i <= t; i++) squares = squares + Math.pow(close[i]! - middle, 2);
    const sd = Math.sqrt(squares / period);
    const upper = middle + sd * stdDevs;
    const lower = middle - sd * stdDevs;
    percentB[t] = (x - lower) / (upper - lower);
    bandwidth[t] = (upper - lower) / middle;
  }
  return { percentB, bandwidth };
}
