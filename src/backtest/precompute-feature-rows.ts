import type { FeatureMatrix } from '../features/feature-matrix.js';
import type { Strategy } from './strategy.js';

/** Rows per chunk handed to `Strategy.precomputeRows` (one batched forward pass each). */
export const PRECOMPUTE_CHUNK_ROWS = 4096;

/**
 * Feeds feature rows `start … end − 1` to `strategy.precomputeRows` in chunks of
 * {@link PRECOMPUTE_CHUNK_ROWS}, copied into one reused buffer (the strategy never gets a view
 * of the matrix itself). No-op when the strategy has no such hook.
 */
export function precomputeFeatureRows(strategy: Strategy, features: FeatureMatrix, start: number, end: number): void {
  if (strategy.precomputeRows === undefined) return;
  const dim = features.dim;
  const buffer = new Float32Array(Math.min(PRECOMPUTE_CHUNK_ROWS, end - start) * dim);
  for (let first = start; first < end; first += PRECOMPUTE_CHUNK_ROWS) {
    const count = Math.min(PRECOMPUTE_CHUNK_ROWS, end - first);
    const values = buffer.subarray(0, count * dim);
    values.set(features.values.subarray(first * dim, (first + count) * dim));
    strategy.precomputeRows({ firstBarIndex: first, count, dim, values });
  }
}
