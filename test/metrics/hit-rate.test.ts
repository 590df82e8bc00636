import { describe, expect, it } from 'vitest';
import { hitRate } from '../../src/metrics/hit-rate.js';

describe('hitRate', () => {
  it('reports 2/3 for [0.01, −0.02, 0, 0.03]: flat periods are neither hits nor misses', () => {
    // wins: 0.01, 0.03 → 2; non-zero: 3 → 2/3 (quantstats win_rate)
    expect(hitRate([0.01, -0.02, 0, 0.03])).toBeCloseTo(2 / 3, 15);
  });

  it('counts zeros in the denominator on request: 2/4', () => {
    expect(hitRate([0.01, -0.02, 0, 0.03], { countZeros: true })).toBe(0.5);
  });

  it('works on per-trade returns and is undefined with nothing to count', () => {
    expect(hitRate([0.05, -0.01, 0.02, 0.04])).toBe(0.75);
    expect(hitRate([0, 0])).toBeUndefined();
    expect(hitRate([])).toBeUndefined();
  });
});
