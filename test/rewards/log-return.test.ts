import { describe, expect, it } from 'vitest';
import { logReturnReward } from '../../src/rewards/log-return.js';
import { makeTransition } from './make-transition.js';

describe('logReturnReward', () => {
  it('is ln(equityAfter / equityBefore) each step, summing to the log growth', () => {
    const reward = logReturnReward();
    // Equity 100 → 110 → 99 → 99: ln 1.1 = 0.0953102, ln 0.9 = −0.1053605, ln 1 = 0; sum = ln 0.99.
    const steps = [makeTransition({ equityBefore: 100, equityAfter: 110 }), makeTransition({ equityBefore: 110, equityAfter: 99 }), makeTransition({ equityBefore: 99, equityAfter: 99 })];
    const values = steps.map((t) => reward.reward(t));
    expect(values[0]).toBeCloseTo(0.0953101798, 9);
    expect(values[1]).toBeCloseTo(-0.1053605157, 9);
    expect(values[2]).toBe(0);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.log(0.99), 12);
  });

  it('takes no options', () => {
    expect(() => logReturnReward({ scale: 2 })).toThrow(/no option "scale"; valid options: none/);
  });
});
