import { TradegymError } from '../core/errors.js';
import { barCount, type BarSeries } from '../data/bar-series.js';
import { featureCatalog } from './feature-catalog.js';
import { resolveFeatureConfig, type FeatureConfig } from './feature-config.js';
import type { FeatureMatrix } from './feature-matrix.js';
import { scaleFeatureColumn } from './feature-scaling.js';
import { rawFeatureColumns } from './raw-feature-columns.js';

/**
 * Computes the 20-feature indicator state of a series (see `featureCatalog` for names, formulas
 * and scalings). Causal: row t depends on bars ≤ t only — every indicator runs forward in time,
 * technicalindicators' end-aligned outputs are placed at the bar they belong to, and normalisers
 * use trailing windows (never full-series statistics). Rows before `firstValidIndex`
 * (= `featureWarmupBars(config)`) are 0; every later value is finite and within ±`config.clip`.
 * Memory: about 200 bytes per bar transiently plus technicalindicators' own arrays.
 * @throws TradegymError `E_DATA_TOO_SHORT` when the series has fewer than warm-up + 1 bars,
 *   `E_BAD_ARGUMENT` for a non-positive or non-finite price or a negative/non-finite volume,
 *   `E_BAD_CONFIG` for an invalid configuration.
 */
export function computeFeatures(series: BarSeries, config: Partial<FeatureConfig> = {}): FeatureMatrix {
  const resolved = resolveFeatureConfig(config);
  const catalog = featureCatalog(resolved);
  const firstValidIndex = Math.max(...catalog.map((f) => f.warmupBars));
  const rows = barCount(series);
  requireFeatureBars(series, firstValidIndex);
  checkBars(series);
  const raw = rawFeatureColumns(series, resolved, catalog);
  const dim = catalog.length;
  const values = new Float32Array(rows * dim);
  catalog.forEach((spec, j) => {
    const scaled = scaleFeatureColumn(raw[spec.key], spec.rawWarmupBars, spec.transform, spec.neutral, resolved);
    for (let t = firstValidIndex; t < rows; t++) values[t * dim + j] = scaled[t]!;
  });
  return { names: Object.freeze(catalog.map((f) => f.name)), dim, rows, values, firstValidIndex };
}

/**
 * Checks that `series` has at least `warmupBars + 1` bars (warm-up plus one observable bar).
 * @throws TradegymError `E_DATA_TOO_SHORT` saying how many bars are needed and how many there are.
 */
export function requireFeatureBars(series: BarSeries, warmupBars: number): void {
  const rows = barCount(series);
  if (rows >= warmupBars + 1) return;
  throw new TradegymError(
    'E_DATA_TOO_SHORT',
    `Series "${series.symbol}" has ${rows} bars; the indicator state needs at least ${warmupBars + 1} ` +
      `(${warmupBars} warm-up bars for the indicators and their rolling normalisers + 1 observable bar). ` +
      'Use a longer series, or shorter windows (e.g. a smaller normWindow).',
    { value: String(rows) },
  );
}

function checkBars(series: BarSeries): void {
  const columns = { open: series.open, high: series.high, low: series.low, close: series.close } as const;
  for (const [field, column] of Object.entries(columns)) {
    for (let t = 0; t < column.length; t++) {
      const v = column[t]!;
      if (!(v > 0 && v < Infinity)) badBar(series, t, field, v, 'a positive finite price');
    }
  }
  for (let t = 0; t < series.volume.length; t++) {
    const v = series.volume[t]!;
    if (!(v >= 0 && v < Infinity)) badBar(series, t, 'volume', v, 'a non-negative finite volume');
  }
}

function badBar(series: BarSeries, t: number, field: string, value: number, expected: string): never {
  throw new TradegymError(
    'E_BAD_ARGUMENT',
    `Series "${series.symbol}" bar ${t} has ${field} = ${value}; expected ${expected}. ` +
      'Validate the data (the CSV loader rejects such rows) before computing features.',
    { column: field, value: String(value) },
  );
}
