import { describe, expect, it } from 'vitest';
import { exposure } from '../../src/metrics/exposure.js';

describe('exposure', () => {
  it('reports time in market 0.5 and mean |position| 0.375 for [0, 0.5, −1, 0]', () => {
    // non-zero: 2 of 4 → 0.5; (0 + 0.5 + 1 + 0) / 4 = 0.375
    expect(exposure([0, 0.5, -1, 0])).toEqual({ timeInMarket: 0.5, meanAbsPosition: 0.375 });
  });

  it('is undefined for no positions', () => {
    expect(exposure([])).toBeUndefined();
  });
});
