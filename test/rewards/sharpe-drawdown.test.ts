import { describe, expect, it } from 'vitest';
import { sharpeDrawdown } from '../../src/rewards/sharpe-drawdown.js';
import { makeTransition } from './make-transition.js';

describe('sharpeDrawdown', () => {
  it('is the differential Sharpe minus λ times the drawdown increase (hand-computed, η = 0.5, B0 = 0.01, λ = 2)', () => {
    const reward = sharpeDrawdown({ eta: 0.5, priorVariance: 0.01, lambda: 2 });
    // D_t for R = 0.1, 0.2, −0.1, 0.05 is 0.5, 0.577350269, −2.581988897, 0.16417868 (see differential-sharpe.test.ts).
    // Step 1: DD 0 → 0: 0.5 − 0 = 0.5.
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBeCloseTo(0.5, 12);
    // Step 2: DD 0 → 0: 0.577350269.
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(0.577350269, 8);
    // Step 3: DD 0 → 0.1: −2.581988897 − 2·0.1 = −2.781988897.
    expect(reward.reward(makeTransition({ stepReturn: -0.1, drawdownBefore: 0, drawdown: 0.1 }))).toBeCloseTo(-2.781988897, 8);
    // Step 4: DD 0.1 → 0.055 (recovery, no bonus): 0.16417868.
    expect(reward.reward(makeTransition({ stepReturn: 0.05, drawdownBefore: 0.1, drawdown: 0.055 }))).toBeCloseTo(0.16417868, 8);
  });

  it('uses λ = 1 and the prior variance 1e-4 by default, and resets its Sharpe state to the prior', () => {
    const reward = sharpeDrawdown({ eta: 0.5 });
    // R = −0.1 from A0 = 0, B0 = 1e-4: D = 1e-4·(0.5·(−0.1)) / (1e-4)^1.5 = −5e-6 / 1e-6 = −5; DD 0 → 0.1: −5 − 1·0.1 = −5.1.
    expect(reward.reward(makeTransition({ stepReturn: -0.1, drawdown: 0.1 }))).toBeCloseTo(-5.1, 12);
    reward.reset();
    // Back to B0 = 1e-4: D = 1e-4·(0.5·0.1) / 1e-6 = 5, no drawdown increase.
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBeCloseTo(5, 12);
    expect(() => sharpeDrawdown({ lambda: Number.NaN })).toThrow(/lambda/);
  });

  it('inherits the bounded Sharpe term after a flat stretch, and the Sharpe options and their checks', () => {
    const reward = sharpeDrawdown();
    // Same path as differential-sharpe.test.ts: −1 bp cost, 50 flat bars, +1 % ⇒ D = 0.0129222 (A0 = B0 = 0 gave ≈ 662).
    reward.reward(makeTransition({ stepReturn: -1e-4, drawdown: 1e-4 }));
    for (let i = 0; i < 50; i++) reward.reward(makeTransition({ stepReturn: 0, drawdownBefore: 1e-4, drawdown: 1e-4 }));
    expect(reward.reward(makeTransition({ stepReturn: 0.01, drawdownBefore: 1e-4, drawdown: 0 }))).toBeCloseTo(0.0129222, 6);
    const floored = sharpeDrawdown({ eta: 0.5, priorVariance: 0, minVariance: 0.01, lambda: 0 });
    floored.reward(makeTransition({ stepReturn: 0.1 }));
    expect(floored.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(-0.0625, 12); // hand-computed in differential-sharpe.test.ts
    expect(() => sharpeDrawdown({ priorVariance: 2 })).toThrow(/priorVariance/);
    expect(() => sharpeDrawdown({ minVariance: 0 })).toThrow(/minVariance/);
  });
});
