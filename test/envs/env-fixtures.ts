/** Small inline fixtures for the TradingEnv tests. */
import type { Rng } from '../../src/core/rng.js';
import { createBarSeries, type BarSeries } from '../../src/data/bar-series.js';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';

/** Bars from open and close prices (high/low at the extremes, daily timestamps, volume 1000). */
export function barsFrom(open: number[], close: number[]): BarSeries {
  const n = close.length;
  const o = Float64Array.from(open);
  const c = Float64Array.from(close);
  return createBarSeries({
    symbol: 'TEST',
    timestamps: Float64Array.from({ length: n }, (_, i) => Date.UTC(2021, 0, 1) + i * 86_400_000),
    open: o,
    high: Float64Array.from({ length: n }, (_, i) => Math.max(o[i]!, c[i]!)),
    low: Float64Array.from({ length: n }, (_, i) => Math.min(o[i]!, c[i]!)),
    close: c,
    volume: new Float64Array(n).fill(1000),
  });
}

/** A seeded random walk of `n` bars (open = previous close · small gap), OHLC-consistent. */
export function randomWalkBars(rng: Rng, n: number, sigma = 0.01): BarSeries {
  const open: number[] = [];
  const close: number[] = [];
  let price = 100;
  for (let i = 0; i < n; i++) {
    const o = price * Math.exp(0.002 * rng.normal());
    price = o * Math.exp(sigma * rng.normal());
    open.push(o);
    close.push(price);
  }
  return barsFrom(open, close);
}

/**
 * A hand-made feature matrix whose row t is [t, t + 0.01, …, t + 0.01·(dim − 1)], so an
 * observation tells which bar it came from; warm-up rows (< firstValidIndex) hold −1.
 */
export function indexFeatures(rows: number, firstValidIndex = 0, dim = 20): FeatureMatrix {
  const values = new Float32Array(rows * dim);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < dim; j++) values[t * dim + j] = t < firstValidIndex ? -1 : t + 0.01 * j;
  }
  return { names: Array.from({ length: dim }, (_, j) => `f${j}`), dim, rows, values, firstValidIndex };
}

/**
 * A copy of `series` whose bars after `t` are replaced by a different OHLC-consistent path
 * (a 20 % jump at t + 1, other shocks, other volumes); bars ≤ t are unchanged.
 */
export function withFutureReplaced(series: BarSeries, t: number, rng: Rng): BarSeries {
  const n = series.close.length;
  const open = Array.from(series.open);
  const close = Array.from(series.close);
  let price = series.close[t]! * 1.2;
  for (let i = t + 1; i < n; i++) {
    open[i] = price;
    price *= Math.exp(0.03 * rng.normal());
    close[i] = price;
  }
  const bars = barsFrom(open, close);
  for (let i = t + 1; i < n; i++) bars.volume[i] = 500 + 4000 * rng.uniform();
  return bars;
}
