import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { rollingRmsScale, rollingZScore } from '../../src/features/rolling-normalise.js';

/** Direct O(window) reference: population z-score and RMS scale of x[t] over x[t−w+1..t]. */
function naive(x: Float64Array, t: number, w: number): { z: number; rms: number } {
  const win = Array.from(x.subarray(t - w + 1, t + 1));
  const mean = win.reduce((a, b) => a + b, 0) / w;
  const std = Math.sqrt(win.reduce((a, b) => a + (b - mean) ** 2, 0) / w);
  const rms = Math.sqrt(win.reduce((a, b) => a + b * b, 0) / w);
  return { z: (x[t]! - mean) / std, rms: x[t]! / rms };
}

describe('rollingZScore', () => {
  it('matches a hand-computed window: [1, 2, 3] → (3 − 2) / √(2/3)', () => {
    const out = new Float64Array(4).fill(-99);
    rollingZScore(new Float64Array([NaN, 1, 2, 3]), 1, 3, out);
    expect(out[0]).toBe(-99);
    expect(out[1]).toBe(-99);
    expect(out[2]).toBe(-99);
    expect(out[3]).toBeCloseTo(1 / Math.sqrt(2 / 3), 14);
  });

  it('gives 0 for a constant window, also after a volatile stretch', () => {
    const x = new Float64Array([5, -3, 8, 2, 2, 2, 2]);
    const out = new Float64Array(7).fill(-99);
    rollingZScore(x, 0, 4, out);
    expect(out[5]).not.toBe(0);
    expect(out[6]).toBe(0);
  });

  it('equals the direct computation over 5,000 values with regime shifts (no drift)', () => {
    const rng = createRng(3);
    const x = new Float64Array(5000).map((_, i) => (i < 2500 ? 1e3 : 1e-3) * (1 + rng.normal()));
    const out = new Float64Array(x.length);
    rollingZScore(x, 0, 50, out);
    for (let t = 49; t < x.length; t += 7) expect(out[t]).toBeCloseTo(naive(x, t, 50).z, 8);
  });
});

describe('rollingRmsScale', () => {
  it('matches a hand-computed window: [3, −4] → −4 / √12.5, and keeps the sign', () => {
    const out = new Float64Array(2);
    rollingRmsScale(new Float64Array([3, -4]), 0, 2, out);
    expect(out[1]).toBeCloseTo(-4 / Math.sqrt(12.5), 14);
  });

  it('gives sign(x) for a constant window and 0 for a window of zeros', () => {
    const out = new Float64Array(6);
    rollingRmsScale(new Float64Array([1, -2, -2, -2, 0, 0]), 0, 2, out);
    expect(out[2]).toBe(-1);
    expect(out[5]).toBe(0);
  });

  it('equals the direct computation over 5,000 values', () => {
    const rng = createRng(4);
    const x = new Float64Array(5000).map((_, i) => (i % 1000 < 500 ? 0.05 : 0.0001) * rng.normal());
    const out = new Float64Array(x.length);
    rollingRmsScale(x, 0, 64, out);
    for (let t = 63; t < x.length; t += 5) expect(out[t]).toBeCloseTo(naive(x, t, 64).rms, 9);
  });
});
