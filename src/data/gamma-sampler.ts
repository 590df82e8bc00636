import type { Rng } from '../core/rng.js';

/**
 * One draw from Gamma(shape, scale = 1) by Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3). For shape < 1 it uses the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a). Consumes normals and uniforms from `rng` only.
 * @param shape > 0
 */
export function sampleGamma(rng: Rng, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be a positive finite number, got ${shape}`);
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(rng.uniform() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One draw from the chi-square distribution with `degreesOfFreedom` (> 0): 2 · Gamma(k/2). */
export function sampleChiSquare(rng: Rng, degreesOfFreedom: number): number {
  return 2 * sampleGamma(rng, degreesOfFreedom / 2);
}
