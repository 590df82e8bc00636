import { describe, expect, it } from 'vitest';
import { totalReturn } from '../../src/metrics/total-return.js';

describe('totalReturn', () => {
  it('compounds: reports −0.01 for returns [0.1, −0.1]', () => {
    // 1.1 · 0.9 − 1 = −0.01 (not the arithmetic sum 0)
    expect(totalReturn([0.1, -0.1])).toBeCloseTo(-0.01, 15);
  });

  it('is undefined for an empty series', () => {
    expect(totalReturn([])).toBeUndefined();
  });
});
