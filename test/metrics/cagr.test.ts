import { describe, expect, it } from 'vitest';
import { cagr } from '../../src/metrics/cagr.js';

describe('cagr', () => {
  it('reports 0.1 for +21% over 504 daily periods (two years of 252)', () => {
    // Π(1 + r) = 1.21; CAGR = 1.21^(252/504) − 1 = √1.21 − 1 = 0.1
    const returns = new Float64Array(504);
    returns[100] = 0.21;
    expect(cagr(returns, 252)).toBeCloseTo(0.1, 14);
  });

  it('annualises up a short period: +10% over half a year of 2 periods/year is +21%', () => {
    // 1.1^(2/1) − 1 = 0.21
    expect(cagr([0.1], 2)).toBeCloseTo(0.21, 14);
  });

  it('reports −1 for a total loss and undefined for no data', () => {
    expect(cagr([-1, 0.5], 252)).toBe(-1);
    expect(cagr([], 252)).toBeUndefined();
  });
});
