import type { Rng } from '../core/rng.js';
import { barTimestamps } from './bar-calendar.js';
import { createBarSeries, type BarSeries } from './bar-series.js';
import { barsFromReturns } from './bars-from-returns.js';
import { resolveSyntheticOptions, type SyntheticMarketOptions } from './synthetic-market-options.js';
import { sampleRandomWalkReturns, sampleRegimeGarchReturns } from './synthetic-returns.js';

/** A generated market plus the hidden state that produced it, for diagnostics and tests. */
export interface SyntheticMarket {
  series: BarSeries;
  /** Regime index per bar into REGIME_NAMES (bull, bear, sideways); undefined for 'random-walk'. */
  regimePath: Uint8Array | undefined;
  /** The model's close-to-close log returns before any price rounding. */
  logReturns: Float64Array;
}

/**
 * Generates a seeded synthetic market: regime-switching GARCH(1,1) returns with Student-t
 * shocks and an optional planted AR(1) signal (`sampleRegimeGarchReturns`), or a pure Gaussian
 * random walk (`sampleRandomWalkReturns`); OHLCV bars from an intrabar Brownian bridge
 * (`barsFromReturns`); timestamps from `barTimestamps`. Draws come only from forks of `rng`
 * ('regimes', 'shocks', 'gaps', 'intrabar', 'volume'), which depend on the rng's seed and not on
 * its position: the same seed and options give identical bars. Use `rng.fork(name)` to make
 * several different markets from one root.
 * @throws TradegymError E_BAD_ARGUMENT for invalid options.
 */
export function generateSyntheticMarket(options: SyntheticMarketOptions, rng: Rng): SyntheticMarket {
  const o = resolveSyntheticOptions(options);
  const returns = o.kind === 'random-walk' ? sampleRandomWalkReturns(o, rng) : sampleRegimeGarchReturns(o, rng);
  const bars = barsFromReturns(o, returns, rng);
  const series = createBarSeries({ symbol: o.symbol, timestamps: barTimestamps(o.bars, o.startTimestampMs, o.intervalMs), ...bars });
  return { series, regimePath: returns.regimePath, logReturns: returns.logReturns };
}
