import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { equityFromReturns } from '../../src/metrics/equity-from-returns.js';
import { returnsFromEquity } from '../../src/metrics/returns-from-equity.js';

describe('returnsFromEquity', () => {
  it('reports simple returns [0.1, −0.1] for equity [100, 110, 99]', () => {
    // 110/100 − 1 = 0.1; 99/110 − 1 = −0.1
    const r = returnsFromEquity([100, 110, 99]);
    expect(r).toBeInstanceOf(Float64Array);
    expect(r).toHaveLength(2);
    expect(r[0]).toBeCloseTo(0.1, 15);
    expect(r[1]).toBeCloseTo(-0.1, 15);
  });

  it('returns an empty series for fewer than two points', () => {
    expect(returnsFromEquity([100])).toHaveLength(0);
    expect(returnsFromEquity([])).toHaveLength(0);
  });

  it('accepts a curve that ends at 0 (bankrupt) but not one that continues from 0', () => {
    expect(Array.from(returnsFromEquity([100, 0]))).toEqual([-1]);
    try {
      returnsFromEquity([100, 0, 50]);
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_ARGUMENT')).toBe(true);
      expect((e as Error).message).toMatch(/^equity\[1\] is 0/);
    }
  });

  it('names a non-finite entry', () => {
    expect(() => returnsFromEquity([100, Number.NaN, 90])).toThrow(/equity\[1\] is NaN/);
  });
});

describe('equityFromReturns', () => {
  it('starts at 1 before the first return: [−0.5, 0.6] → [1, 0.5, 0.8]', () => {
    // 1·(1 − 0.5) = 0.5; 0.5·(1 + 0.6) = 0.8
    expect(Array.from(equityFromReturns([-0.5, 0.6]))).toEqual([1, 0.5, 0.8]);
    expect(Array.from(equityFromReturns([0.1], 100))).toEqual([100, 110.00000000000001]);
  });
});
