/** Small seeded OHLCV fixtures for the feature tests (geometric Brownian motion, consistent OHLC). */
import type { Rng } from '../../src/core/rng.js';
import { createBarSeries, type BarSeries } from '../../src/data/bar-series.js';

/** Options of {@link gbmBars}. */
export interface GbmOptions {
  readonly startPrice?: number;
  /** Per-bar log-return volatility. */
  readonly sigma?: number;
  /** Mean volume; volume is `meanVolume · U(0.2, 1.8)`. */
  readonly meanVolume?: number;
  readonly symbol?: string;
}

/**
 * `n` daily bars: open = previous close · e^(small gap), close = open · e^(σ·z), high/low beyond
 * max/min(open, close) by a random fraction of σ, so low ≤ open, close ≤ high always holds.
 */
export function gbmBars(rng: Rng, n: number, options: GbmOptions = {}): BarSeries {
  const cols = emptyColumns(n);
  let price = options.startPrice ?? 100;
  for (let t = 0; t < n; t++) {
    cols.timestamps[t] = Date.UTC(2020, 0, 1) + t * 86_400_000;
    writeBar(rng, cols, t, price, options);
    price = cols.close[t]!;
  }
  return createBarSeries({ symbol: options.symbol ?? 'GBM', ...cols });
}

/**
 * A copy of `series` whose bars after `t` are replaced by a different, still OHLC-consistent path
 * (other shocks, a 30 % jump at t + 1, other volumes); bars ≤ t are copied unchanged.
 */
export function withFutureReplaced(series: BarSeries, t: number, rng: Rng): BarSeries {
  const n = series.close.length;
  const cols = emptyColumns(n);
  for (const key of ['timestamps', 'open', 'high', 'low', 'close', 'volume'] as const) cols[key].set(series[key]);
  let price = series.close[t]! * 1.3;
  for (let i = t + 1; i < n; i++) {
    writeBar(rng, cols, i, price, { sigma: 0.03, meanVolume: 5_000 });
    price = cols.close[i]!;
  }
  return createBarSeries({ symbol: series.symbol, ...cols });
}

type Columns = Record<'timestamps' | 'open' | 'high' | 'low' | 'close' | 'volume', Float64Array>;

function emptyColumns(n: number): Columns {
  const make = () => new Float64Array(n);
  return { timestamps: make(), open: make(), high: make(), low: make(), close: make(), volume: make() };
}

function writeBar(rng: Rng, cols: Columns, t: number, previousClose: number, options: GbmOptions): void {
  const sigma = options.sigma ?? 0.015;
  const open = previousClose * Math.exp(0.2 * sigma * rng.normal());
  const close = open * Math.exp(sigma * rng.normal());
  cols.open[t] = open;
  cols.close[t] = close;
  cols.high[t] = Math.max(open, close) * (1 + sigma * rng.uniform());
  cols.low[t] = Math.min(open, close) * (1 - sigma * rng.uniform());
  cols.volume[t] = (options.meanVolume ?? 1_000) * rng.uniformRange(0.2, 1.8);
}

/** A series of `n` bars with every price equal to `price` and the given constant volume. */
export function flatBars(n: number, price: number, volume: number): BarSeries {
  const cols = emptyColumns(n);
  for (let t = 0; t < n; t++) cols.timestamps[t] = Date.UTC(2020, 0, 1) + t * 86_400_000;
  for (const key of ['open', 'high', 'low', 'close'] as const) cols[key].fill(price);
  cols.volume.fill(volume);
  return createBarSeries({ symbol: 'FLAT', ...cols });
}
