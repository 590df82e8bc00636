import type { Rng } from '../core/rng.js';
import { sampleIntrabarExtremes } from './intrabar-path.js';
import type { ResolvedSyntheticOptions } from './synthetic-market-options.js';
import type { SyntheticReturns } from './synthetic-returns.js';

/** OHLCV columns of a synthetic market (no timestamps). */
export interface OhlcvColumns {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/**
 * Turns close-to-close log returns into consistent OHLCV bars. Bar t: the open gaps from the
 * previous close by g_t ~ N(0, (gapFraction·v_t)²) (g_0 = 0, so open_0 = startPrice); the rest
 * of the return, r_t − g_t, is an intrabar Brownian bridge (volatility v_t) from open to close
 * whose max/min give high/low, so low ≤ min(open, close) ≤ max(open, close) ≤ high exactly.
 * Volume follows `VolumeModel`. Streams: rng.fork('gaps'), ('intrabar'), ('volume').
 * With `priceDecimals`, prices are rounded afterwards (order-preserving, at least one tick).
 */
export function barsFromReturns(o: ResolvedSyntheticOptions, returns: SyntheticReturns, rng: Rng): OhlcvColumns {
  const n = o.bars;
  const gaps = rng.fork('gaps');
  const intrabar = rng.fork('intrabar');
  const noise = rng.fork('volume');
  const bars: OhlcvColumns = {
    open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  const extremes = new Float64Array(2);
  const { base, returnSensitivity, noiseSigma } = o.volume;
  let previousClose = o.startPrice;
  for (let t = 0; t < n; t++) {
    const r = returns.logReturns[t]!;
    const v = returns.barVolatility[t]!;
    const gap = t === 0 ? 0 : o.gapFraction * v * gaps.normal();
    const open = previousClose * Math.exp(gap);
    sampleIntrabarExtremes(intrabar, r - gap, v, o.intrabarSteps, extremes);
    bars.open[t] = open;
    bars.close[t] = open * Math.exp(r - gap);
    bars.high[t] = open * Math.exp(extremes[0]!);
    bars.low[t] = open * Math.exp(extremes[1]!);
    const activity = o.volatilityPerBar > 0 ? 1 + (returnSensitivity * Math.abs(r)) / o.volatilityPerBar : 1;
    bars.volume[t] = Math.round(base * activity * Math.exp(noiseSigma * noise.normal() - (noiseSigma * noiseSigma) / 2));
    previousClose = bars.close[t]!;
  }
  if (o.priceDecimals !== undefined) roundPrices(bars, o.priceDecimals);
  return bars;
}

/** Rounds every price to `decimals` places, never below one tick (k / 10^d is the double nearest the decimal). */
function roundPrices(bars: OhlcvColumns, decimals: number): void {
  const scale = 10 ** decimals;
  for (const column of [bars.open, bars.high, bars.low, bars.close]) {
    for (let i = 0; i < column.length; i++) column[i] = Math.max(1, Math.round(column[i]! * scale)) / scale;
  }
}
