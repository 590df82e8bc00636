import { describe, expect, it } from 'vitest';
import { equityFromReturns } from '../../src/metrics/equity-from-returns.js';
import { maxDrawdown } from '../../src/metrics/max-drawdown.js';

describe('maxDrawdown', () => {
  it('reports 0.5 for equity [100, 50, 80], not recovered, lasting to the last bar', () => {
    // peak 100 at bar 0; trough 50 at bar 1: 1 − 50/100 = 0.5; never back to 100 → duration 2 − 0 = 2
    expect(maxDrawdown([100, 50, 80])).toEqual({
      depth: 0.5,
      peakIndex: 0,
      troughIndex: 1,
      recoveryIndex: undefined,
      durationBars: 2,
      longestDurationBars: 2,
    });
  });

  it('locates the deepest fall and its recovery, and the longest drawdown separately', () => {
    // bars:    0    1    2    3    4    5   6    7
    // equity: 100  120  110  115  118  125  60  130
    // dd from 120@1: 110 → 1 − 110/120 = 0.0833, recovered at bar 5 (125 ≥ 120): 4 bars under water
    // dd from 125@5: 60 → 1 − 60/125 = 0.52, recovered at bar 7: 2 bars
    const dd = maxDrawdown([100, 120, 110, 115, 118, 125, 60, 130])!;
    expect(dd.depth).toBeCloseTo(0.52, 15);
    expect([dd.peakIndex, dd.troughIndex, dd.recoveryIndex, dd.durationBars]).toEqual([5, 6, 7, 2]);
    expect(dd.longestDurationBars).toBe(4);
  });

  it('reports a zero drawdown for a curve that never falls', () => {
    expect(maxDrawdown([1, 1, 2, 3])).toMatchObject({ depth: 0, durationBars: 0, longestDurationBars: 0 });
  });

  it('measures a returns series from equity 1 before its first return', () => {
    // [−0.5, 0.6] → equity [1, 0.5, 0.8]: the first return is itself a 50% drawdown
    expect(maxDrawdown(equityFromReturns([-0.5, 0.6]))?.depth).toBe(0.5);
  });

  it('keeps the peak at the last bar of a flat top', () => {
    // [100, 100, 90, 100]: peak at bar 1, trough 2, recovery 3 → 2 bars
    expect(maxDrawdown([100, 100, 90, 100])).toMatchObject({ peakIndex: 1, troughIndex: 2, recoveryIndex: 3, durationBars: 2 });
  });

  it('is undefined for fewer than two points and rejects a non-positive start', () => {
    expect(maxDrawdown([100])).toBeUndefined();
    expect(() => maxDrawdown([0, 1])).toThrow(/positive starting equity/);
  });
});
