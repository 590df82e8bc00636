import { TradegymError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { FeatureMatrix } from './feature-matrix.js';

/** Rows sampled from feature matrices, with where each came from. */
export interface SampledFeatureRows {
  /** Row-major [count, dim]. */
  values: Float32Array;
  /** Bar index of each row in its matrix. */
  barIndex: Int32Array;
  /** Which of the given matrices each row came from. */
  source: Int32Array;
  count: number;
  dim: number;
}

/** A matrix and the bar range [start, end) rows may come from (warm-up rows are always skipped). */
export interface FeatureRowSource {
  features: FeatureMatrix;
  start: number;
  end: number;
}

/**
 * Draws `count` observable feature rows uniformly with replacement from the union of the sources'
 * ranges (each bar equally likely, whichever source it is in), with `rng`: the state
 * distribution of a trading env without account features, for Fisher estimates, monitoring
 * probe sets and distillation. Rows are copied. When `count` is at least the number of
 * available rows, every row is taken once, in order.
 * @throws TradegymError E_DATA_TOO_SHORT when no observable row is left, E_BAD_ARGUMENT for mismatched dims.
 */
export function sampleFeatureRows(sources: readonly FeatureRowSource[], count: number, rng: Rng): SampledFeatureRows {
  const dim = sources[0]?.features.dim ?? 0;
  const spans = sources.map(({ features, start, end }) => {
    if (features.dim !== dim) throw new TradegymError('E_BAD_ARGUMENT', `feature matrices have different widths (${dim} and ${features.dim}); sample rows of one feature set.`);
    const first = Math.max(start, features.firstValidIndex);
    return { first, length: Math.max(0, Math.min(end, features.rows) - first) };
  });
  const total = spans.reduce((n, s) => n + s.length, 0);
  if (total === 0) throw new TradegymError('E_DATA_TOO_SHORT', 'no observable feature rows in the given ranges (all inside the warm-up?); use longer data.');
  const n = Math.min(count, total);
  const out: SampledFeatureRows = { values: new Float32Array(n * dim), barIndex: new Int32Array(n), source: new Int32Array(n), count: n, dim };
  for (let i = 0; i < n; i++) {
    let k = n === total ? i : rng.int(total);
    let s = 0;
    while (k >= spans[s]!.length) k -= spans[s++]!.length;
    const bar = spans[s]!.first + k;
    out.values.set(sources[s]!.features.values.subarray(bar * dim, bar * dim + dim), i * dim);
    out.barIndex[i] = bar;
    out.source[i] = s;
  }
  return out;
}
