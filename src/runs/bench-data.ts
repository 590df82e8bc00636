import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import { loadBarsCsv } from '../data/csv-loader.js';
import { writeBarsCsv } from '../data/csv-writer.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import { loadOrComputeFeatures } from '../features/feature-cache.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { medianSeconds, timeSeconds } from './bench-timing.js';

/** Figures of the data-pipeline benchmark. */
export interface DataBenchResult {
  bars: number;
  /** Median seconds to load an N-row generic OHLCV CSV into typed columns. */
  csvLoadSeconds1M: number;
  /** Seconds to compute the 20 features from scratch (one run: it dominates the bench). */
  featuresColdSeconds1M: number;
  /** Median seconds to read the same features back from the on-disk cache. */
  featuresCachedSeconds1M: number;
  /** The generated series and its features, reused by the env benchmarks. */
  series: BarSeries;
  features: FeatureMatrix;
  /** Feature cache folder holding `series`' features (inside `workDir`). */
  featureCacheDir: string;
}

/**
 * Generates an N-bar synthetic market (seed 1), writes it as CSV in a temp folder, and times
 * the CSV load (median of `repeats`), a cold feature computation and cached feature reads.
 * Works inside `workDir` (the caller removes it; the feature cache is left there for later benches).
 * The keys say "1M" because the default N is 1,000,000; `bars` records the N actually used.
 */
export async function benchData(bars: number, repeats: number, workDir: string): Promise<DataBenchResult> {
  const dir = await mkdtemp(join(workDir, 'data-'));
  try {
    const series = generateSyntheticMarket(
      // Minute bars with minute-scale drift and volatility, prices quoted to 4 decimals (like real data).
      { bars, symbol: 'BENCH', intervalMs: 60_000, driftPerBar: 0, volatilityPerBar: 0.0008, priceDecimals: 4 },
      createRng(1),
    ).series;
    const csvPath = join(dir, 'bench.csv');
    await writeBarsCsv(csvPath, series);
    const csvLoadSeconds1M = await medianSeconds(repeats, () => loadBarsCsv(csvPath));
    const cacheDir = join(workDir, 'features');
    let features: FeatureMatrix | undefined;
    const featuresColdSeconds1M = await timeSeconds(async () => {
      features = (await loadOrComputeFeatures(series, {}, { cacheDir })).matrix;
    });
    const featuresCachedSeconds1M = await medianSeconds(repeats, async () => {
      const cached = await loadOrComputeFeatures(series, {}, { cacheDir });
      if (!cached.cacheHit) throw new Error(`feature cache missed in the benchmark: ${cached.missReason}`);
    });
    return { bars, csvLoadSeconds1M, featuresColdSeconds1M, featuresCachedSeconds1M, series, features: features!, featureCacheDir: cacheDir };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
