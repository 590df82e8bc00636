import { describe, expect, it } from 'vitest';
import { turnover } from '../../src/metrics/turnover.js';

describe('turnover', () => {
  it('reports 0.6 per period and 151.2 per year for positions [0.5, 0.5, −0.5, 0, 1] from flat', () => {
    // |0.5 − 0| + |0.5 − 0.5| + |−0.5 − 0.5| + |0 − (−0.5)| + |1 − 0| = 0.5 + 0 + 1 + 0.5 + 1 = 3; / 5 = 0.6
    // annual = 0.6 · 252 = 151.2
    const t = turnover([0.5, 0.5, -0.5, 0, 1], { periodsPerYear: 252 })!;
    expect(t.perPeriod).toBeCloseTo(0.6, 15);
    expect(t.annual).toBeCloseTo(151.2, 12);
  });

  it('starts from the given initial position', () => {
    // from 0.5: 0 + 0 + 1 + 0.5 + 1 = 2.5; / 5 = 0.5
    expect(turnover([0.5, 0.5, -0.5, 0, 1], { initialPosition: 0.5 })?.perPeriod).toBe(0.5);
  });

  it('is undefined for no positions', () => {
    expect(turnover([])).toBeUndefined();
  });
});
