import { describe, expect, it } from 'vitest';
import { differentialSharpe, DifferentialSharpeRatio } from '../../src/rewards/differential-sharpe.js';
import { makeTransition } from './make-transition.js';

/** Feeds `returns` to a fresh default-settings ratio and returns every D_t. */
function dsrSeries(returns: readonly number[], settings?: ConstructorParameters<typeof DifferentialSharpeRatio>[0]): number[] {
  const dsr = new DifferentialSharpeRatio(settings);
  return returns.map((r) => dsr.update(r));
}

/** One trade's cost (−1 bp), then 50 flat bars with no position (returns exactly 0). */
const COST_THEN_FLAT: readonly number[] = [-1e-4, ...Array<number>(50).fill(0)];

describe('differentialSharpe', () => {
  it('matches four hand-computed Moody–Saffell steps with η = 0.5 and prior variance 0.01', () => {
    const reward = differentialSharpe({ eta: 0.5, priorVariance: 0.01 });
    reward.reset();
    const r = (stepReturn: number, step: number): number => reward.reward(makeTransition({ stepReturn, step }));
    // Step 1, R = 0.1: A0 = 0, B0 = 0.01 ⇒ var = 0.01, var^1.5 = 0.001;
    // ΔA = 0.5·0.1 = 0.05, ΔB = 0.5(0.01 − 0.01) = 0; D = (0.01·0.05 − 0) / 0.001 = 0.5.
    // A1 = 0.05, B1 = 0.01.
    expect(r(0.1, 0)).toBeCloseTo(0.5, 12);
    // Step 2, R = 0.2: var = 0.01 − 0.05² = 0.0075, var^1.5 = 0.000649519053;
    // ΔA = 0.5(0.2 − 0.05) = 0.075, ΔB = 0.5(0.04 − 0.01) = 0.015;
    // D = (0.01·0.075 − ½·0.05·0.015) / var^1.5 = (0.00075 − 0.000375) / 0.000649519053 = 0.577350269 (= 1/√3).
    // A2 = 0.125, B2 = 0.025.
    expect(r(0.2, 1)).toBeCloseTo(0.577350269, 8);
    // Step 3, R = −0.1: var = 0.025 − 0.015625 = 0.009375, var^1.5 = 0.000907730472;
    // ΔA = 0.5(−0.1 − 0.125) = −0.1125, ΔB = 0.5(0.01 − 0.025) = −0.0075;
    // D = (0.025·(−0.1125) − ½·0.125·(−0.0075)) / var^1.5 = (−0.0028125 + 0.00046875) / 0.000907730472
    //   = −0.00234375 / 0.000907730472 = −2.581988897. A3 = 0.0125, B3 = 0.0175.
    expect(r(-0.1, 2)).toBeCloseTo(-2.581988897, 8);
    // Step 4, R = 0.05: var = 0.0175 − 0.00015625 = 0.01734375, var^1.5 = 0.002284074;
    // ΔA = 0.5(0.05 − 0.0125) = 0.01875, ΔB = 0.5(0.0025 − 0.0175) = −0.0075;
    // D = (0.0175·0.01875 + ½·0.0125·0.0075) / var^1.5 = (0.000328125 + 0.000046875) / 0.002284074 = 0.164178680.
    expect(r(0.05, 3)).toBeCloseTo(0.16417868, 8);
  });

  it('floors the variance at minVariance instead of dividing by a tiny estimate (hand-computed)', () => {
    const reward = differentialSharpe({ eta: 0.5, priorVariance: 0, minVariance: 0.01 });
    // Step 1, R = 0.1: A0 = B0 = 0 ⇒ numerator 0·ΔA − ½·0·ΔB = 0 ⇒ D = 0 (var floored to 0.01, finite).
    // A1 = 0.05, B1 = 0.005.
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBe(0);
    // Step 2, R = 0.2: var = 0.005 − 0.0025 = 0.0025 < 0.01 ⇒ floored to 0.01, 0.01^1.5 = 0.001;
    // ΔA = 0.075, ΔB = 0.0175; D = (0.005·0.075 − ½·0.05·0.0175) / 0.001 = −0.0000625 / 0.001 = −0.0625
    // (unfloored it would be −0.0000625 / 0.000125 = −0.5).
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(-0.0625, 12);
  });

  it('stays of sensible size after a trade cost and a flat stretch (the paper\'s A0 = B0 = 0 gave ≈ 662 here)', () => {
    // Defaults η = 0.01, B0 = 1e-4, floor 1e-8. Step 1, R = −1e-4: D = 1e-4·(−1e-6) / 1e-6 = −1e-4;
    // A1 = −1e-6, B1 = 1e-4 + 0.01(1e-8 − 1e-4) = 9.90001e-5.
    // 50 zeros: A, B × 0.99^50 = 0.605006067 ⇒ A = −6.05006e-7, B = 5.989566e-5.
    // R = 0.01: var = B − A² = 5.989566e-5, var^1.5 = 4.63546e-7; ΔA = 0.01(0.01 + 6.05e-7) = 1.0000605e-4,
    // ΔB = 0.01(1e-4 − 5.989566e-5) = 4.010434e-7;
    // D = (5.989566e-5·1.0000605e-4 + ½·6.05006e-7·4.010434e-7) / 4.63546e-7 = 5.98973e-9 / 4.63546e-7 = 0.0129216
    // ≈ η·R/√B: the step counts as 1.3 % of a typical daily σ, not as 662 reward units.
    const rewards = dsrSeries([...COST_THEN_FLAT, 0.01]);
    expect(rewards[0]).toBeCloseTo(-1e-4, 12);
    const last = rewards[rewards.length - 1]!;
    expect(Math.abs(last)).toBeLessThan(2);
    expect(last).toBeCloseTo(0.0129222, 6);
    for (const d of rewards) expect(Math.abs(d)).toBeLessThan(2);
  });

  it('pays no direction-free bonus after a flat stretch: ±1 % moves get opposite, near-equal rewards', () => {
    const up = dsrSeries([...COST_THEN_FLAT, 0.01]).pop()!;
    const down = dsrSeries([...COST_THEN_FLAT, -0.01]).pop()!;
    expect(up).toBeGreaterThan(0);
    expect(down).toBeLessThan(0);
    // The sign-free part −½·A·ΔB / var^1.5 = ½·6.05e-7·4.01e-7 / 4.635e-7 ≈ 2.6e-7 per move.
    expect(Math.abs(up + down)).toBeLessThan(1e-3 * up);
  });

  it('bounds |D| by η·|R|/√minVariance when B has decayed below the floor (1 000 flat bars)', () => {
    // B = 1e-4·0.99^1000 ≈ 4.3e-9 < 1e-8; D = B·η·R / 1e-12 = 4.3e-9·1e-4 / 1e-12 ≈ 0.43 ≤ 0.01·0.01 / 1e-4 = 1.
    const rewards = dsrSeries([...Array<number>(1000).fill(0), 0.01]);
    const last = rewards[rewards.length - 1]!;
    expect(last).toBeGreaterThan(0.3);
    expect(last).toBeLessThanOrEqual(1);
  });

  it('starts over from the prior after reset()', () => {
    const reward = differentialSharpe({ eta: 0.5, priorVariance: 0.01 });
    reward.reward(makeTransition({ stepReturn: 0.1 }));
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(0.577350269, 8);
    reward.reset();
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBeCloseTo(0.5, 12);
    expect(reward.reward(makeTransition({ stepReturn: 0.2 }))).toBeCloseTo(0.577350269, 8);
  });

  it('returns 0, never NaN, while returns are constant zero, and stays finite on extreme returns', () => {
    const dsr = new DifferentialSharpeRatio({ eta: 0.01 });
    for (let i = 0; i < 10; i++) expect(dsr.update(0)).toBe(0);
    for (const r of [1e-300, -0.99, 50, 0, -5, 1e-12, 1e200]) expect(Number.isFinite(dsr.update(r))).toBe(true);
  });

  it('defaults η = 0.01, B0 = 1e-4, floor 1e-8 and validates options', () => {
    const dsr = new DifferentialSharpeRatio();
    expect([dsr.eta, dsr.priorVariance, dsr.minVariance, dsr.a, dsr.b]).toEqual([0.01, 1e-4, 1e-8, 0, 1e-4]);
    expect(() => differentialSharpe({ eta: 0 })).toThrow(/eta/);
    expect(() => differentialSharpe({ eta: 1 })).toThrow(/\(0, 1\)/);
    expect(() => differentialSharpe({ priorVariance: -1e-4 })).toThrow(/priorVariance .*\[0, 1\]/);
    expect(() => differentialSharpe({ minVariance: 0 })).toThrow(/minVariance .*\(0, 1\)/);
    expect(() => differentialSharpe({ etta: 0.1 })).toThrow(/no option "etta"/);
  });
});
