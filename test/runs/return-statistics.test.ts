import { describe, expect, it } from 'vitest';
import { returnStatistics } from '../../src/runs/return-statistics.js';

describe('returnStatistics', () => {
  it('matches hand-computed moments of [0.1, −0.1, 0.1, −0.1]', () => {
    // mean 0; m2 = 0.01, m3 = 0, m4 = 1e-4 ⇒ skew 0, excess kurtosis 1e-4/1e-4 − 3 = −2;
    // std (ddof 1) = √(0.04 / 3); ρ1 = Σ d_t d_{t−1} / Σ d_t² = (−0.01 · 3) / 0.04 = −0.75.
    const s = returnStatistics(Float64Array.from([0.1, -0.1, 0.1, -0.1]), 252);
    expect(s.mean).toBeCloseTo(0, 15);
    expect(s.std).toBeCloseTo(Math.sqrt(0.04 / 3), 15);
    expect(s.annualizedVolatility).toBeCloseTo(Math.sqrt(0.04 / 3) * Math.sqrt(252), 12);
    expect(s.skewness).toBeCloseTo(0, 12);
    expect(s.excessKurtosis).toBeCloseTo(-2, 12);
    expect(s.lag1Autocorrelation).toBeCloseTo(-0.75, 12);
    expect([s.min, s.minIndex, s.max, s.maxIndex]).toEqual([-0.1, 1, 0.1, 0]);
  });

  it('returns nulls, never NaN, for too few or constant returns', () => {
    const one = returnStatistics(Float64Array.from([0.02]), 252);
    expect(one.mean).toBe(0.02);
    expect(one.std).toBeNull();
    const flat = returnStatistics(Float64Array.from([0.01, 0.01, 0.01]), 252);
    expect(flat.std).toBe(0);
    expect(flat.skewness).toBeNull();
    expect(flat.lag1Autocorrelation).toBeNull();
    expect(returnStatistics(new Float64Array(0), 252).mean).toBeNull();
  });
});
