import { describe, expect, it } from 'vitest';
import { annualVolatility } from '../../src/metrics/annual-volatility.js';

describe('annualVolatility', () => {
  it('uses ddof = 1 and √P: reports √(0.0002·252) for returns [0.01, 0.03]', () => {
    // mean 0.02; Σ(r − mean)² = 0.0001 + 0.0001 = 0.0002; / (n − 1 = 1) = 0.0002
    // std = 0.0141421356; · √252 = √0.0504 = 0.2244994432
    expect(annualVolatility([0.01, 0.03], 252)).toBeCloseTo(0.22449944320643647, 14);
  });

  it('is 0 for constant returns and undefined for fewer than two', () => {
    expect(annualVolatility([0.1, 0.1, 0.1], 252)).toBe(0);
    expect(annualVolatility([0.01], 252)).toBeUndefined();
  });
});
