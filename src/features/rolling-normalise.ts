/**
 * Causal rolling normalisers: the value at t uses x[t − window + 1 .. t] only.
 *
 * Sums over the window are slid in O(1) per bar and recomputed exactly (two-pass, shifted by the
 * window mean) once every `window` bars, so rounding drift never outlives one window. A window of
 * identical values is detected exactly (not through a near-zero variance) and yields 0 (z-score)
 * or sign(x) (RMS scale) — flat prices and zero volume stay finite and well defined.
 */

/** Visits every t ≥ from + window − 1 with the window's shifted sums Σ(x − shift), Σ(x − shift)². */
type MomentVisitor = (t: number, shift: number, s1: number, s2: number, constant: boolean) => void;

function slideMoments(x: Float64Array, from: number, window: number, centered: boolean, visit: MomentVisitor): void {
  let shift = 0;
  let s1 = 0;
  let s2 = 0;
  let runStart = from;
  for (let t = from; t < x.length; t++) {
    const v = x[t]!;
    if (t > from && v !== x[t - 1]) runStart = t;
    const start = t - window + 1;
    if (start >= from && (t - from) % window === window - 1) {
      [shift, s1, s2] = exactMoments(x, start, t + 1, centered);
    } else {
      const d = v - shift;
      s1 += d;
      s2 += d * d;
      if (start > from) {
        const old = x[start - 1]! - shift;
        s1 -= old;
        s2 -= old * old;
      }
    }
    if (start >= from) visit(t, shift, s1, s2, runStart <= start);
  }
}

function exactMoments(x: Float64Array, start: number, end: number, centered: boolean): [number, number, number] {
  let mean = 0;
  if (centered) {
    for (let i = start; i < end; i++) mean += x[i]!;
    mean /= end - start;
  }
  let s1 = 0;
  let s2 = 0;
  for (let i = start; i < end; i++) {
    const d = x[i]! - mean;
    s1 += d;
    s2 += d * d;
  }
  return [mean, s1, s2];
}

/**
 * Rolling z-score: out[t] = (x[t] − mean) / std over the trailing `window` values (population std,
 * current value included). 0 when the window is constant. Writes out[t] for t ≥ from + window − 1
 * only; `x` must be defined (finite) from index `from`.
 */
export function rollingZScore(x: Float64Array, from: number, window: number, out: Float64Array): void {
  slideMoments(x, from, window, true, (t, shift, s1, s2, constant) => {
    const meanOffset = s1 / window;
    const variance = s2 / window - meanOffset * meanOffset;
    out[t] = constant || !(variance > 0) ? 0 : (x[t]! - shift - meanOffset) / Math.sqrt(variance);
  });
}

/**
 * Rolling RMS scaling: out[t] = x[t] / √(mean of x² over the trailing `window` values, current
 * included) — keeps the sign and the zero of x. A constant window gives sign(x[t]) (0 for zeros).
 * Writes out[t] for t ≥ from + window − 1 only.
 */
export function rollingRmsScale(x: Float64Array, from: number, window: number, out: Float64Array): void {
  slideMoments(x, from, window, false, (t, _shift, _s1, s2, constant) => {
    const v = x[t]!;
    const meanSquare = s2 / window;
    if (constant) out[t] = Math.sign(v);
    else out[t] = meanSquare > 0 ? v / Math.sqrt(meanSquare) : 0;
  });
}
