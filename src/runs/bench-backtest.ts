import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBacktest } from '../backtest/run-backtest.js';
import { createRng } from '../core/rng.js';
import { type BarSeries, barCount } from '../data/bar-series.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import { loadOrComputeFeatures } from '../features/feature-cache.js';
import { smaCrossover } from '../../strategies/sma-crossover.js';
import { median } from './bench-timing.js';

/** Figures of the backtest benchmark. */
export interface BacktestBenchResult {
  /** Median bars/s of an SMA 10/30 crossover backtest (default costs, metrics included), features excluded. */
  backtestBarsPerSec: number;
  /** Median bars/s of the same backtest including reading the 20 features from the on-disk cache. */
  backtestWithFeaturesBarsPerSec: number;
}

/** Options of {@link benchBacktest}. */
export interface BacktestBenchOptions {
  /** The market (default: 1,000,000 one-minute synthetic bars, seed 1, as the data bench). */
  readonly series?: BarSeries;
  /** Bars generated when `series` is absent (default 1,000,000). */
  readonly bars?: number;
  /** Measurements per figure (default 3). */
  readonly repeats?: number;
  /**
   * A feature cache that already holds `series`' features (e.g. the data bench's). Without
   * it a temporary cache is filled by one untimed cold computation (~15 s for 1M bars).
   */
  readonly featureCacheDir?: string;
}

/**
 * Times `runBacktest` with the SMA crossover on a long series: once on bars alone, once
 * including the cached read of the feature matrix handed to the engine (the path a policy
 * backtest takes). Reports the median of `repeats` runs each; bars = decisions taken.
 */
export async function benchBacktest(options: BacktestBenchOptions = {}): Promise<BacktestBenchResult> {
  const series = options.series ?? generateSyntheticMarket({ bars: options.bars ?? 1_000_000, symbol: 'BENCH', intervalMs: 60_000 }, createRng(1)).series;
  const repeats = options.repeats ?? 3;
  const bars = barCount(series) - 1;
  const run = (features?: Awaited<ReturnType<typeof loadOrComputeFeatures>>['matrix']) =>
    runBacktest({ bars: series, features, strategy: smaCrossover({ fast: 10, slow: 30 }), range: { start: 0, end: barCount(series) } });
  const temp = options.featureCacheDir === undefined ? await mkdtemp(join(tmpdir(), 'tradegym-bench-backtest-')) : undefined;
  const cacheDir = options.featureCacheDir ?? temp!;
  try {
    await loadOrComputeFeatures(series, {}, { cacheDir });
    const plain: number[] = [];
    const withFeatures: number[] = [];
    for (let r = 0; r < repeats; r++) {
      plain.push(bars / seconds(() => run()));
      const start = performance.now();
      const cached = await loadOrComputeFeatures(series, {}, { cacheDir });
      if (!cached.cacheHit) throw new Error(`feature cache missed in the backtest benchmark: ${cached.missReason}`);
      run(cached.matrix);
      withFeatures.push(bars / ((performance.now() - start) / 1000));
    }
    return { backtestBarsPerSec: median(plain), backtestWithFeaturesBarsPerSec: median(withFeatures) };
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true });
  }
}

function seconds(work: () => unknown): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}
