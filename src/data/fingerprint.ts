import { createHash } from 'node:crypto';
import type { BarSeries } from './bar-series.js';

/**
 * Content fingerprint of a BarSeries: SHA-256 (hex, first 16 chars) over the symbol and the
 * raw bytes of every column. Identical bars ⇒ identical fingerprint; any changed value,
 * added or removed bar changes it. Keys the feature cache and is recorded in manifests.
 */
export function dataFingerprint(series: BarSeries): string {
  const hash = createHash('sha256');
  hash.update(`tradegym-bars-v1|${series.symbol}|${series.timestamps.length}|`);
  for (const column of [series.timestamps, series.open, series.high, series.low, series.close, series.volume]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}
