/**
 * Precomputed, causal features of a BarSeries, row-major: row t holds the features of
 * bar t computed from bars ≤ t only. Rows before `firstValidIndex` are warm-up (some
 * indicator undefined) and are never observed by an env or strategy.
 */
export interface FeatureMatrix {
  /** Feature names, in column order (length = `dim`). */
  readonly names: readonly string[];
  /** Number of features per row. */
  readonly dim: number;
  /** Number of rows (= number of bars of the source series). */
  readonly rows: number;
  /** Row-major values, `rows × dim`; warm-up rows are filled with 0. */
  readonly values: Float32Array;
  /** First row at which every feature is defined. */
  readonly firstValidIndex: number;
}

/** A zero-copy view of row `t` of a feature matrix. */
export function featureRow(matrix: FeatureMatrix, t: number): Float32Array {
  return matrix.values.subarray(t * matrix.dim, (t + 1) * matrix.dim);
}
