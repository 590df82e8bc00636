import type { Rng } from '../core/rng.js';

/**
 * Samples the extremes of a bar's intrabar log-price path: a Brownian bridge from 0 (the
 * open) to `logMove` (the close) over `steps` sub-steps with total diffusion variance σ²
 * (`sigma` per bar), drawn sequentially (each point from its bridge conditional, no buffer).
 * Writes max and min of the path, including both end points, to `out[0]` and `out[1]`, so
 * out[0] ≥ max(0, logMove) and out[1] ≤ min(0, logMove) hold exactly.
 */
export function sampleIntrabarExtremes(rng: Rng, logMove: number, sigma: number, steps: number, out: Float64Array): void {
  let max = Math.max(0, logMove);
  let min = Math.min(0, logMove);
  const stepVariance = (sigma * sigma) / steps;
  let x = 0;
  for (let k = 0; k < steps - 1; k++) {
    const remaining = steps - k;
    const mean = x + (logMove - x) / remaining;
    const sd = Math.sqrt((stepVariance * (remaining - 1)) / remaining);
    x = mean + sd * rng.normal();
    if (x > max) max = x;
    if (x < min) min = x;
  }
  out[0] = max;
  out[1] = min;
}
