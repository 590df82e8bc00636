import { describe, expect, it } from 'vitest';
import { sharpeDrawdown } from '../../src/rewards/sharpe-drawdown.js';
import { makeTransition } from './make-transition.js';

describe('sharpeDrawdown', () => {
  it('is the differential Sharpe minus λ times the drawdown increase (hand-computed, η = 0.5, λ = 2)', () => {
    const reward = sharpeDrawdown({ eta: 0.5, lambda: 2 });
    // D_t for R = 0.1, 0.2, −0.1, 0.05 is 0, −0.5, −3.755186746, 0.170280205 (see differential-sharpe.test.ts).
    // Step 1: DD 0 → 0: 0 − 0 = 0.
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBe(0);
    // Step 2: DD 0 → 0: −0.5.
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(-0.5, 12);
    // Step 3: DD 0 → 0.1: −3.755186746 − 2·0.1 = −3.955186746.
    expect(reward.reward(makeTransition({ stepReturn: -0.1, drawdownBefore: 0, drawdown: 0.1 }))).toBeCloseTo(-3.955186746, 8);
    // Step 4: DD 0.1 → 0.055 (recovery, no bonus): 0.170280205.
    expect(reward.reward(makeTransition({ stepReturn: 0.05, drawdownBefore: 0.1, drawdown: 0.055 }))).toBeCloseTo(0.170280205, 8);
  });

  it('uses λ = 1 by default and resets its Sharpe state', () => {
    const reward = sharpeDrawdown({ eta: 0.5 });
    expect(reward.reward(makeTransition({ stepReturn: -0.1, drawdown: 0.1 }))).toBeCloseTo(-0.1, 12);
    reward.reset();
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBe(0);
    expect(() => sharpeDrawdown({ lambda: Number.NaN })).toThrow(/lambda/);
  });
});
