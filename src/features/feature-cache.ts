import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { barCount, type BarSeries } from '../data/bar-series.js';
import { computeFeatures, requireFeatureBars } from './compute-features.js';
import { FEATURE_CODE_VERSION, featureCacheKey } from './feature-cache-key.js';
import {
  readFeatureCacheFile,
  writeFeatureCacheFile,
  type ExpectedFeatureCache,
  type FeatureCacheStamp,
} from './feature-cache-file.js';
import { featureCatalog } from './feature-catalog.js';
import { resolveFeatureConfig, type FeatureConfig } from './feature-config.js';
import type { FeatureMatrix } from './feature-matrix.js';

/** Default cache folder, relative to the current working directory (git-ignored). */
export const DEFAULT_FEATURE_CACHE_DIR = '.tradegym-cache/features';

/** Where the feature cache lives. */
export interface FeatureCacheOptions {
  /** Cache folder; relative paths resolve against the current working directory. */
  readonly cacheDir?: string;
}

/** Features plus how they were obtained. */
export interface CachedFeatures {
  readonly matrix: FeatureMatrix;
  /** True when the matrix was read from a verified cache file. */
  readonly cacheHit: boolean;
  /** Absolute path of the cache file. */
  readonly path: string;
  /** Why the cache was not used (no file, corrupt, stale); absent on a hit. */
  readonly missReason?: string;
  /** Set when the recomputed matrix could not be written (the matrix is still returned). */
  readonly writeError?: string;
}

/**
 * The features of `series`, read from the on-disk cache when a verified file exists for this
 * data (`dataFingerprint`) and configuration (+ {@link FEATURE_CODE_VERSION}), else computed with
 * `computeFeatures` and written atomically for next time. A corrupt, truncated or stale file is
 * detected (shape, size and SHA-256 checks) and recomputed, never trusted.
 * @throws TradegymError `E_DATA_TOO_SHORT` / `E_BAD_ARGUMENT` / `E_BAD_CONFIG` as `computeFeatures`.
 */
export async function loadOrComputeFeatures(
  series: BarSeries,
  config: Partial<FeatureConfig> = {},
  options: FeatureCacheOptions = {},
): Promise<CachedFeatures> {
  const resolved = resolveFeatureConfig(config);
  const catalog = featureCatalog(resolved);
  const firstValidIndex = Math.max(...catalog.map((f) => f.warmupBars));
  requireFeatureBars(series, firstValidIndex);
  const key = featureCacheKey(series, resolved);
  const dir = resolve(options.cacheDir ?? DEFAULT_FEATURE_CACHE_DIR);
  const path = join(dir, key.fileName);
  const stamp: FeatureCacheStamp = { codeVersion: FEATURE_CODE_VERSION, fingerprint: key.fingerprint, configHash: key.configHash };
  const expected: ExpectedFeatureCache = {
    ...stamp, names: catalog.map((f) => f.name), dim: catalog.length, rows: barCount(series), firstValidIndex,
  };
  const cached = await readFeatureCacheFile(path, expected);
  if (cached.ok) return { matrix: cached.matrix, cacheHit: true, path };
  const matrix = computeFeatures(series, resolved);
  try {
    await mkdir(dir, { recursive: true });
    await writeFeatureCacheFile(path, matrix, stamp);
  } catch (error) {
    return { matrix, cacheHit: false, path, missReason: cached.reason, writeError: String(error) };
  }
  return { matrix, cacheHit: false, path, missReason: cached.reason };
}
