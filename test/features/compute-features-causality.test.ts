import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { featureWarmupBars } from '../../src/features/feature-catalog.js';
import { gbmBars, withFutureReplaced } from './gbm-bars.js';

const N = 420;
const WARMUP = featureWarmupBars();
const base = gbmBars(createRng(31), N);
const baseMatrix = computeFeatures(base);

/** Index of the first differing 32-bit word in [0, end), or −1 (bitwise comparison, NaN-safe). */
function firstDifference(a: Float32Array, b: Float32Array, end: number): number {
  const wa = new Uint32Array(a.buffer, a.byteOffset, end);
  const wb = new Uint32Array(b.buffer, b.byteOffset, end);
  for (let i = 0; i < end; i++) if (wa[i] !== wb[i]) return i;
  return -1;
}

describe('computeFeatures causality (no look-ahead)', () => {
  it.each([WARMUP, WARMUP + 1, WARMUP + 57, Math.floor(N / 2), N - 40, N - 2])(
    'rows ≤ %i are bitwise unchanged when every later bar is replaced',
    (t) => {
      const perturbed = withFutureReplaced(base, t, createRng(1000 + t));
      for (let i = t + 1; i < N; i++) {
        expect(perturbed.close[i]).not.toBe(base.close[i]);
        expect(perturbed.volume[i]).not.toBe(base.volume[i]);
        expect(perturbed.low[i]! <= Math.min(perturbed.open[i]!, perturbed.close[i]!)).toBe(true);
        expect(perturbed.high[i]! >= Math.max(perturbed.open[i]!, perturbed.close[i]!)).toBe(true);
      }
      const m = computeFeatures(perturbed);
      const dim = m.dim;
      expect(firstDifference(m.values, baseMatrix.values, (t + 1) * dim)).toBe(-1);
      // The perturbation is real: row t + 1 changes in most features.
      let changed = 0;
      for (let j = 0; j < dim; j++) if (m.values[(t + 1) * dim + j] !== baseMatrix.values[(t + 1) * dim + j]) changed++;
      expect(changed).toBeGreaterThan(dim / 2);
    },
  );

  it('the comparison catches a one-bar look-ahead (a feature reading close[t + 1])', () => {
    const t = WARMUP + 10;
    const perturbed = withFutureReplaced(base, t, createRng(5));
    const peek = (close: Float64Array) => Float32Array.from(close, (_, i) => close[Math.min(i + 1, close.length - 1)]!);
    expect(firstDifference(peek(perturbed.close), peek(base.close), t + 1)).toBe(t);
  });
});
