import { describe, expect, it } from 'vitest';
import { createCostModel, DEFAULT_COSTS } from '../../src/market/cost-model.js';

describe('createCostModel', () => {
  it('fills in the documented defaults', () => {
    expect(createCostModel()).toEqual(DEFAULT_COSTS);
    expect(createCostModel({ commissionBps: 1 })).toEqual({ ...DEFAULT_COSTS, commissionBps: 1 });
  });

  it('converts an annual borrow rate to a per-bar rate', () => {
    // 252 bps a year over 252 daily bars = 1 bps per bar.
    expect(createCostModel({ borrowBpsPerYear: 252, periodsPerYear: 252 }).borrowBpsPerBar).toBeCloseTo(1, 12);
  });

  it('rejects negative or non-finite costs and an annual rate without periodsPerYear', () => {
    expect(() => createCostModel({ commissionBps: -1 })).toThrow(/commissionBps/);
    expect(() => createCostModel({ slippageBps: Number.POSITIVE_INFINITY })).toThrow(/slippageBps/);
    expect(() => createCostModel({ borrowBpsPerYear: 300 })).toThrow(/periodsPerYear/);
    expect(() => createCostModel({ borrowBpsPerYear: 300, borrowBpsPerBar: 1, periodsPerYear: 252 })).toThrow(/either/);
  });

  it('accepts a rebalance band in [0, 1) and names the field and the expected range otherwise', () => {
    expect(createCostModel({ rebalanceBand: 0.05 }).rebalanceBand).toBe(0.05);
    for (const bad of [-0.01, 1, Number.NaN]) {
      expect(() => createCostModel({ rebalanceBand: bad })).toThrow(/rebalanceBand is .*; expected a fraction of equity in \[0, 1\)/);
    }
  });
});
