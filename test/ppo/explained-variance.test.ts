import { describe, expect, it } from 'vitest';
import { explainedVariance } from '../../src/ppo/explained-variance.js';

describe('explainedVariance', () => {
  it('is 1 for perfect predictions and 0 for a constant at the mean', () => {
    expect(explainedVariance([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(explainedVariance([2, 2, 2], [1, 2, 3])).toBe(0);
  });

  it('matches a hand-computed case', () => {
    // returns [1, 2, 3, 4]: Var = 1.25; residuals [0.5, −0.5, 0.5, −0.5]: Var = 0.25 → 1 − 0.2 = 0.8
    expect(explainedVariance([0.5, 2.5, 2.5, 4.5], [1, 2, 3, 4])).toBeCloseTo(0.8, 12);
  });

  it('returns null instead of NaN when returns are constant', () => {
    expect(explainedVariance([1, 2], [3, 3])).toBeNull();
    expect(explainedVariance([], [])).toBeNull();
  });
});
