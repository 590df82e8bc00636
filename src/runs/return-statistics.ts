/**
 * Distribution statistics of simple per-period returns, for `tradegym data inspect`.
 * Sample moments: mean, std (ddof = 1), skewness g1 = m3 / m2^1.5 and excess kurtosis
 * g2 = m4 / m2² − 3 (population central moments m_k, as pandas' `skew`/`kurt` without the
 * small-sample correction), lag-1 autocorrelation ρ1 = Σ(r_t − r̄)(r_{t−1} − r̄) / Σ(r_t − r̄)².
 * Annualised: mean·P and std·√P. Undefined (null) when fewer than 2 returns or zero variance.
 */
export interface ReturnStatistics {
  count: number;
  mean: number | null;
  std: number | null;
  annualizedMean: number | null;
  annualizedVolatility: number | null;
  skewness: number | null;
  excessKurtosis: number | null;
  lag1Autocorrelation: number | null;
  min: number | null;
  max: number | null;
  /** Index of the return (return t is bar t → t + 1) with the smallest / largest value. */
  minIndex: number | null;
  maxIndex: number | null;
}

/** Statistics of `returns` with P = `periodsPerYear`. */
export function returnStatistics(returns: Float64Array, periodsPerYear: number): ReturnStatistics {
  const n = returns.length;
  const empty: ReturnStatistics = {
    count: n, mean: null, std: null, annualizedMean: null, annualizedVolatility: null, skewness: null,
    excessKurtosis: null, lag1Autocorrelation: null, min: null, max: null, minIndex: null, maxIndex: null,
  };
  if (n === 0) return empty;
  let sum = 0;
  let minIndex = 0;
  let maxIndex = 0;
  for (let t = 0; t < n; t++) {
    sum += returns[t]!;
    if (returns[t]! < returns[minIndex]!) minIndex = t;
    if (returns[t]! > returns[maxIndex]!) maxIndex = t;
  }
  const mean = sum / n;
  const extremes = { min: returns[minIndex]!, max: returns[maxIndex]!, minIndex, maxIndex };
  if (n < 2) return { ...empty, mean, annualizedMean: mean * periodsPerYear, ...extremes };
  const { m2, m3, m4, lagCovariance } = centralMoments(returns, mean);
  const std = Math.sqrt((m2 * n) / (n - 1));
  const varianceDefined = m2 > 0;
  return {
    count: n,
    mean,
    std,
    annualizedMean: mean * periodsPerYear,
    annualizedVolatility: std * Math.sqrt(periodsPerYear),
    skewness: varianceDefined ? m3 / m2 ** 1.5 : null,
    excessKurtosis: varianceDefined ? m4 / (m2 * m2) - 3 : null,
    lag1Autocorrelation: varianceDefined ? lagCovariance / (m2 * n) : null,
    ...extremes,
  };
}

function centralMoments(returns: Float64Array, mean: number): { m2: number; m3: number; m4: number; lagCovariance: number } {
  const n = returns.length;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let lag = 0;
  for (let t = 0; t < n; t++) {
    const d = returns[t]! - mean;
    s2 += d * d;
    s3 += d * d * d;
    s4 += d * d * d * d;
    if (t > 0) lag += d * (returns[t - 1]! - mean);
  }
  return { m2: s2 / n, m3: s3 / n, m4: s4 / n, lagCovariance: lag };
}
