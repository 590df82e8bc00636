import { createRng } from '../core/rng.js';
import type { BarSeries } from './bar-series.js';
import { generateSyntheticMarket } from './synthetic-market.js';
import type { SyntheticMarketOptions } from './synthetic-market-options.js';

/** How one committed sample in `data/sample/` is generated. data/README.md lists the same seeds and options. */
export interface SampleMarketSpec {
  /** File name inside data/sample/. */
  file: string;
  /** Seed passed to `createRng`. */
  seed: number;
  /** Generator options (everything not listed takes the generator's defaults). */
  options: SyntheticMarketOptions;
  /** One line on what the sample is for. */
  description: string;
}

const DAILY_START = Date.UTC(2010, 0, 4);

/** The committed samples. Changing an entry (or the generator) requires regenerating the files. */
export const SAMPLE_MARKET_SPECS: readonly SampleMarketSpec[] = [
  {
    file: 'synthetic-daily-10y.csv',
    seed: 1001,
    options: { bars: 2520, symbol: 'SYNTH10Y', startTimestampMs: DAILY_START, priceDecimals: 2 },
    description: '10 years of business days: regime-switching (bull/bear/sideways) GARCH(1,1) with Student-t(5) shocks, default parameters',
  },
  {
    file: 'momentum-daily.csv',
    seed: 1002,
    options: { bars: 2520, symbol: 'MOMENTUM', startTimestampMs: DAILY_START, priceDecimals: 2, signal: { kind: 'momentum', strength: 0.2 } },
    description: 'as the 10-year market plus a planted AR(1) momentum signal, φ = +0.2 (lag-1 return autocorrelation ≈ +0.2)',
  },
  {
    file: 'mean-reversion-daily.csv',
    seed: 1003,
    options: {
      bars: 2520, symbol: 'MEANREV', startTimestampMs: DAILY_START, priceDecimals: 2, signal: { kind: 'mean-reversion', strength: 0.2 },
    },
    description: 'as the 10-year market plus a planted AR(1) mean-reversion signal, φ = −0.2 (lag-1 autocorrelation ≈ −0.2)',
  },
  {
    file: 'random-walk-daily.csv',
    seed: 1004,
    options: { kind: 'random-walk', bars: 2520, symbol: 'RANDWALK', startTimestampMs: DAILY_START, priceDecimals: 2, driftPerBar: 0 },
    description: 'pure i.i.d. Gaussian random walk of log prices, no drift: nothing to learn (a control for overfitting)',
  },
  {
    file: 'synthetic-hourly.csv',
    seed: 1005,
    options: {
      bars: 3000, symbol: 'SYNTHH1', startTimestampMs: Date.UTC(2021, 0, 4), intervalMs: 3_600_000, startPrice: 1.1,
      driftPerBar: 0.00001, volatilityPerBar: 0.0015, priceDecimals: 5,
    },
    description: '3000 hourly bars around 1.10 (FX-like, 5 decimals), regime-switching GARCH-t, continuous 24/7 clock',
  },
];

/** Generates the bars of a sample spec: `generateSyntheticMarket(spec.options, createRng(spec.seed)).series`. */
export function generateSampleMarket(spec: SampleMarketSpec): BarSeries {
  return generateSyntheticMarket(spec.options, createRng(spec.seed)).series;
}
