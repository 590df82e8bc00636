import { describe, expect, it } from 'vitest';
import { tradeCount } from '../../src/metrics/trade-count.js';

describe('tradeCount', () => {
  it('counts 3 changes in [0, 0.5, 0.5, −1, −1, 0] starting flat', () => {
    // 0→0 no, 0→0.5 yes, 0.5→0.5 no, 0.5→−1 yes (one reversal), −1→−1 no, −1→0 yes
    expect(tradeCount([0, 0.5, 0.5, -1, -1, 0])).toBe(3);
  });

  it('counts the first entry against the initial position', () => {
    expect(tradeCount([1, 1])).toBe(1);
    expect(tradeCount([1, 1], 1)).toBe(0);
    expect(tradeCount([])).toBe(0);
  });
});
