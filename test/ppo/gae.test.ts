import { describe, expect, it } from 'vitest';
import { computeGae, type GaeInput } from '../../src/ppo/gae.js';

/** T = 3 steps × N = 2 envs, time-major (index t·2 + e). */
function threeStepCase(): GaeInput {
  return {
    nSteps: 3,
    nEnvs: 2,
    //            t0: e0, e1   t1: e0, e1   t2: e0, e1
    rewards: Float32Array.of(1, 0, 2, 0, 3, 1),
    values: Float32Array.of(0.5, 0.1, 1.0, 0.2, 2.0, 0.3),
    terminated: Uint8Array.of(0, 0, 0, 0, 1, 0),
    truncated: Uint8Array.of(0, 0, 1, 0, 0, 0),
    // only env 0 at t1 is truncated: V(final observation) = 4
    finalValues: Float32Array.of(0, 0, 4, 0, 0, 0),
    lastValues: Float32Array.of(10, 2),
  };
}

function run(input: GaeInput, gamma: number, lambda: number) {
  const out = { advantages: new Float32Array(input.rewards.length), returns: new Float32Array(input.rewards.length) };
  computeGae(input, { gamma, lambda }, out);
  return out;
}

describe('computeGae', () => {
  it('matches a hand-computed 3-step case with one truncation and one termination (γ 0.9, λ 0.8)', () => {
    const { advantages, returns } = run(threeStepCase(), 0.9, 0.8);
    // env 0: t2 terminated → no bootstrap (lastValues[0] = 10 is ignored):
    //   δ2 = 3 + 0 − 2 = 1,                A2 = 1,                    R2 = 1 + 2 = 3
    // t1 truncated → bootstrap with V(final obs) = 4, and no carry-over from t2:
    //   δ1 = 2 + 0.9·4 − 1 = 4.6,           A1 = 4.6,                  R1 = 4.6 + 1 = 5.6
    // t0 ordinary step:
    //   δ0 = 1 + 0.9·1.0 − 0.5 = 1.4,       A0 = 1.4 + 0.72·4.6 = 4.712, R0 = 5.212
    expect(advantages[4]).toBeCloseTo(1, 6);
    expect(advantages[2]).toBeCloseTo(4.6, 6);
    expect(advantages[0]).toBeCloseTo(4.712, 5);
    expect(returns[4]).toBeCloseTo(3, 6);
    expect(returns[2]).toBeCloseTo(5.6, 6);
    expect(returns[0]).toBeCloseTo(5.212, 5);
    // env 1: no episode end; bootstrap from lastValues[1] = 2:
    //   δ2 = 1 + 0.9·2 − 0.3 = 2.5,        A2 = 2.5
    //   δ1 = 0 + 0.9·0.3 − 0.2 = 0.07,     A1 = 0.07 + 0.72·2.5 = 1.87
    //   δ0 = 0 + 0.9·0.2 − 0.1 = 0.08,     A0 = 0.08 + 0.72·1.87 = 1.4264
    expect(advantages[5]).toBeCloseTo(2.5, 6);
    expect(advantages[3]).toBeCloseTo(1.87, 5);
    expect(advantages[1]).toBeCloseTo(1.4264, 5);
    expect(returns[1]).toBeCloseTo(1.5264, 5);
  });

  it('does not bootstrap when the same step is terminated instead of truncated', () => {
    const input = threeStepCase();
    input.truncated[2] = 0;
    input.terminated[2] = 1;
    const { advantages } = run(input, 0.9, 0.8);
    // δ1 = 2 + 0 − 1 = 1 and A0 = 1.4 + 0.72·1 = 2.12
    expect(advantages[2]).toBeCloseTo(1, 6);
    expect(advantages[0]).toBeCloseTo(2.12, 5);
  });

  it('treats a step flagged both terminated and truncated as terminated', () => {
    const input = threeStepCase();
    input.terminated[2] = 1;
    expect(run(input, 0.9, 0.8).advantages[2]).toBeCloseTo(1, 6);
  });

  it('reduces to discounted reward-to-go minus V when λ = 1 and the episode terminates', () => {
    const input: GaeInput = {
      nSteps: 4,
      nEnvs: 1,
      rewards: Float32Array.of(1, 1, 1, 1),
      values: Float32Array.of(0.3, -0.2, 0.7, 0.1),
      terminated: Uint8Array.of(0, 0, 0, 1),
      truncated: new Uint8Array(4),
      finalValues: new Float32Array(4),
      lastValues: Float32Array.of(99),
    };
    const { advantages, returns } = run(input, 0.5, 1);
    // returns-to-go: 1 + 0.5 + 0.25 + 0.125 = 1.875, 1.75, 1.5, 1
    expect(Array.from(returns)).toEqual([1.875, 1.75, 1.5, 1]);
    expect(advantages[0]).toBeCloseTo(1.875 - 0.3, 6);
  });

  it('reduces to the one-step TD error when λ = 0', () => {
    const input = threeStepCase();
    const { advantages } = run(input, 0.9, 0);
    // env 0, t0: δ0 = 1.4 without any later terms
    expect(advantages[0]).toBeCloseTo(1.4, 6);
    expect(advantages[1]).toBeCloseTo(0.08, 6);
  });
});
