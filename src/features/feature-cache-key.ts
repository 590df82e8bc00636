import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { BarSeries } from '../data/bar-series.js';
import { dataFingerprint } from '../data/fingerprint.js';
import type { FeatureConfig } from './feature-config.js';

const technicalIndicatorsVersion = (createRequire(import.meta.url)('technicalindicators/package.json') as { version: string })
  .version;

/**
 * Version of the feature code. Bump it whenever a formula, alignment, scaling or the cache file
 * layout changes, so stale caches are recomputed instead of trusted. The installed
 * technicalindicators version is appended, so a library upgrade also invalidates caches.
 */
export const FEATURE_CODE_VERSION = `tradegym-features-1+technicalindicators-${technicalIndicatorsVersion}`;

/** What a cached feature matrix is keyed by. */
export interface FeatureCacheKey {
  /** `dataFingerprint` of the bars. */
  readonly fingerprint: string;
  /** SHA-256 (16 hex chars) of the resolved configuration and {@link FEATURE_CODE_VERSION}. */
  readonly configHash: string;
  /** Cache file name, `<fingerprint>-<configHash>.tgfeat`. */
  readonly fileName: string;
}

/** Hash of a resolved feature configuration together with the feature-code version. */
export function featureConfigHash(config: FeatureConfig): string {
  const fields = Object.keys(config).sort();
  const canonical = JSON.stringify(config, fields);
  return createHash('sha256').update(`${FEATURE_CODE_VERSION}|${canonical}`).digest('hex').slice(0, 16);
}

/** Cache key of the features of `series` under a resolved `config`. */
export function featureCacheKey(series: BarSeries, config: FeatureConfig): FeatureCacheKey {
  const fingerprint = dataFingerprint(series);
  const configHash = featureConfigHash(config);
  return { fingerprint, configHash, fileName: `${fingerprint}-${configHash}.tgfeat` };
}
