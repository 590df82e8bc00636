import { rollingRmsScale, rollingZScore } from './rolling-normalise.js';

/**
 * How a raw indicator value becomes a model input of roughly unit range, using bars ≤ t only.
 * - `affine`: (x − center) / halfRange — bounded oscillators (e.g. RSI → (RSI − 50) / 50).
 * - `rms`: x / √(mean of x² over the trailing `normWindow` values, current included) —
 *   sign-preserving volatility scaling for signed, unbounded features (returns, MACD, trend ratios);
 *   cf. the volatility-scaled returns and MACD of Lim, Zohren & Roberts (2019, arXiv:1904.04912).
 * - `zscore`: (x − mean) / population std over the same trailing window — for positive
 *   volatility levels, which become "high or low relative to the recent past".
 * A zero RMS or std maps to 0. Every result is then clipped to [−clip, clip].
 */
export type FeatureScaling =
  | { readonly kind: 'affine'; readonly center: number; readonly halfRange: number }
  | { readonly kind: 'rms' }
  | { readonly kind: 'zscore' };

/** Human-readable text of a scaling, e.g. "(x − 50) / 50, clipped to ±5". */
export function describeScaling(scaling: FeatureScaling, normWindow: number, clip: number): string {
  const clipText = `clipped to ±${clip}`;
  switch (scaling.kind) {
    case 'affine': {
      const centered = scaling.center === 0 ? 'x' : `(x ${scaling.center < 0 ? '+' : '−'} ${Math.abs(scaling.center)})`;
      return scaling.halfRange === 1 ? `${centered}, ${clipText}` : `${centered} / ${scaling.halfRange}, ${clipText}`;
    }
    case 'rms':
      return `x / RMS(x over the trailing ${normWindow} bars), ${clipText}`;
    case 'zscore':
      return `(x − mean) / std over the trailing ${normWindow} bars, ${clipText}`;
  }
}

/** Bars a scaling adds to a raw feature's warm-up: 0 for affine, `normWindow − 1` for rolling ones. */
export function scalingWarmupBars(scaling: FeatureScaling, normWindow: number): number {
  return scaling.kind === 'affine' ? 0 : normWindow - 1;
}

/**
 * Scales one raw feature column: entries from `rawWarmupBars` on that are not finite (0/0 on flat
 * prices or zero volume) first become `neutral` (in `raw`, which is modified); then the transform is
 * applied causally and the result clipped to [−clip, clip]. Entries of the returned column before
 * the scaled warm-up (`rawWarmupBars + scalingWarmupBars`) are unspecified; do not read them.
 */
export function scaleFeatureColumn(
  raw: Float64Array,
  rawWarmupBars: number,
  scaling: FeatureScaling,
  neutral: number,
  options: { readonly normWindow: number; readonly clip: number },
): Float64Array {
  for (let t = rawWarmupBars; t < raw.length; t++) if (!Number.isFinite(raw[t]!)) raw[t] = neutral;
  const out = new Float64Array(raw.length);
  if (scaling.kind === 'affine') {
    for (let t = rawWarmupBars; t < raw.length; t++) out[t] = (raw[t]! - scaling.center) / scaling.halfRange;
  } else if (scaling.kind === 'rms') {
    rollingRmsScale(raw, rawWarmupBars, options.normWindow, out);
  } else {
    rollingZScore(raw, rawWarmupBars, options.normWindow, out);
  }
  const { clip } = options;
  for (let t = rawWarmupBars; t < out.length; t++) out[t] = Math.min(clip, Math.max(-clip, out[t]!));
  return out;
}
