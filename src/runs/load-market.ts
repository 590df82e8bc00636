import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import { loadBarsCsv } from '../data/csv-loader.js';
import { dataFingerprint } from '../data/fingerprint.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import { loadOrComputeFeatures } from '../features/feature-cache.js';
import { featureWarmupBars } from '../features/feature-catalog.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import type { MarketSource } from './market-source.js';

/** A market ready for training or backtesting: its bars, their causal features and identity. */
export interface Market {
  readonly label: string;
  readonly source: MarketSource;
  readonly series: BarSeries;
  readonly features: FeatureMatrix;
  /** `dataFingerprint(series)`. */
  readonly fingerprint: string;
}

/** Options of {@link loadMarket}. */
export interface LoadMarketOptions {
  /** Feature cache folder (default `.tradegym-cache/features`). */
  readonly featureCacheDir?: string;
}

/** The bars of a source: a CSV read with the loader's validation, or the seeded generator's output. */
export async function loadMarketBars(source: MarketSource): Promise<BarSeries> {
  if (source.kind === 'csv') {
    return loadBarsCsv(source.path, { minRows: featureWarmupBars() + 2, useAdjClose: source.adjClose ?? false, ...(source.symbol !== undefined && { symbol: source.symbol }) });
  }
  return generateSyntheticMarket(source.options, createRng(source.seed)).series;
}

/**
 * Loads a market and its 20-feature state (`loadOrComputeFeatures`: computed once, then read
 * from the on-disk cache keyed by the data fingerprint).
 * @throws TradegymError from the CSV loader, the generator or the feature computation.
 */
export async function loadMarket(source: MarketSource, options: LoadMarketOptions = {}): Promise<Market> {
  const series = await loadMarketBars(source);
  const { matrix } = await loadOrComputeFeatures(series, {}, options.featureCacheDir === undefined ? {} : { cacheDir: options.featureCacheDir });
  return { label: source.label, source, series, features: matrix, fingerprint: dataFingerprint(series) };
}
