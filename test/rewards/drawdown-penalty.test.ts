import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAWDOWN_LAMBDA, drawdownPenalty } from '../../src/rewards/drawdown-penalty.js';
import { makeTransition } from './make-transition.js';

describe('drawdownPenalty', () => {
  it('charges λ per unit of drawdown increase and nothing for recovery', () => {
    const reward = drawdownPenalty({ lambda: 2 });
    // DD 0 → 0.1: −2·0.1 = −0.2; 0.1 → 0.05 (recovery): 0; 0.05 → 0.2: −2·0.15 = −0.3; 0.2 → 0.2: 0.
    expect(reward.reward(makeTransition({ drawdownBefore: 0, drawdown: 0.1 }))).toBeCloseTo(-0.2, 12);
    expect(reward.reward(makeTransition({ drawdownBefore: 0.1, drawdown: 0.05 }))).toBe(0);
    expect(reward.reward(makeTransition({ drawdownBefore: 0.05, drawdown: 0.2 }))).toBeCloseTo(-0.3, 12);
    expect(reward.reward(makeTransition({ drawdownBefore: 0.2, drawdown: 0.2 }))).toBe(0);
  });

  it('defaults λ to 1 and rejects a negative λ', () => {
    expect(DEFAULT_DRAWDOWN_LAMBDA).toBe(1);
    expect(drawdownPenalty().reward(makeTransition({ drawdownBefore: 0, drawdown: 0.25 }))).toBeCloseTo(-0.25, 12);
    expect(() => drawdownPenalty({ lambda: -1 })).toThrow(/lambda/);
  });
});
