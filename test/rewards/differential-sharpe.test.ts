import { describe, expect, it } from 'vitest';
import { differentialSharpe, DifferentialSharpeRatio } from '../../src/rewards/differential-sharpe.js';
import { makeTransition } from './make-transition.js';

describe('differentialSharpe', () => {
  it('matches four hand-computed Moody–Saffell steps with η = 0.5', () => {
    const reward = differentialSharpe({ eta: 0.5 });
    reward.reset();
    const r = (stepReturn: number, step: number): number => reward.reward(makeTransition({ stepReturn, step }));
    // Step 1, R = 0.1: A0 = B0 = 0 ⇒ variance 0 ⇒ fallback 0. Then A1 = 0.05, B1 = 0.005.
    expect(r(0.1, 0)).toBe(0);
    // Step 2, R = 0.2: var = 0.005 − 0.05² = 0.0025, var^1.5 = 0.000125;
    // ΔA = 0.5(0.2 − 0.05) = 0.075, ΔB = 0.5(0.04 − 0.005) = 0.0175;
    // D = (0.005·0.075 − ½·0.05·0.0175) / 0.000125 = (0.000375 − 0.0004375) / 0.000125 = −0.5.
    // A2 = 0.125, B2 = 0.0225.
    expect(r(0.2, 1)).toBeCloseTo(-0.5, 12);
    // Step 3, R = −0.1: var = 0.0225 − 0.015625 = 0.006875, var^1.5 = 0.000570044886;
    // ΔA = 0.5(−0.1 − 0.125) = −0.1125, ΔB = 0.5(0.01 − 0.0225) = −0.00625;
    // D = (0.0225·(−0.1125) − ½·0.125·(−0.00625)) / var^1.5 = (−0.00253125 + 0.000390625) / 0.000570044886
    //   = −0.002140625 / 0.000570044886 = −3.755186746. A3 = 0.0125, B3 = 0.01625.
    expect(r(-0.1, 2)).toBeCloseTo(-3.755186746, 8);
    // Step 4, R = 0.05: var = 0.01625 − 0.00015625 = 0.01609375, var^1.5 = 0.002041671545;
    // ΔA = 0.5(0.05 − 0.0125) = 0.01875, ΔB = 0.5(0.0025 − 0.01625) = −0.006875;
    // D = (0.01625·0.01875 + ½·0.0125·0.006875) / var^1.5 = 0.00034765625 / 0.002041671545 = 0.170280205.
    expect(r(0.05, 3)).toBeCloseTo(0.170280205, 8);
  });

  it('starts over after reset()', () => {
    const reward = differentialSharpe({ eta: 0.5 });
    reward.reward(makeTransition({ stepReturn: 0.1 }));
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(-0.5, 12);
    reward.reset();
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBe(0);
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(-0.5, 12);
  });

  it('returns 0, never NaN, while returns are constant zero, and stays finite on extreme returns', () => {
    const dsr = new DifferentialSharpeRatio(0.01);
    for (let i = 0; i < 10; i++) expect(dsr.update(0)).toBe(0);
    for (const r of [1e-300, -0.99, 50, 0, -5, 1e-12]) expect(Number.isFinite(dsr.update(r))).toBe(true);
  });

  it('defaults η to 0.01 and validates options', () => {
    expect(new DifferentialSharpeRatio().eta).toBe(0.01);
    expect(() => differentialSharpe({ eta: 0 })).toThrow(/eta/);
    expect(() => differentialSharpe({ eta: 1 })).toThrow(/\(0, 1\)/);
    expect(() => differentialSharpe({ etta: 0.1 })).toThrow(/no option "etta"/);
  });
});
