import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { RolloutBuffer } from '../../src/ppo/rollout-buffer.js';

function filledBuffer(): RolloutBuffer {
  const buffer = new RolloutBuffer({ nSteps: 3, nEnvs: 2, observationSize: 2, actionCount: 4 });
  for (let t = 0; t < 3; t++) {
    // observation of env e at step t = [10t + e, −(10t + e)]
    const obs = Float32Array.of(10 * t, -10 * t, 10 * t + 1, -(10 * t + 1));
    buffer.recordAction(t, obs, Int32Array.of(t, t + 1), Float32Array.of(-t, -t - 0.5), Float32Array.of(t, t));
    buffer.recordOutcome(t, [1, 2], [false, t === 2], [t === 1, false]);
  }
  buffer.recordFinalValue(1, 0, 4);
  return buffer;
}

describe('RolloutBuffer', () => {
  it('stores steps time-major and copies observations', () => {
    const buffer = filledBuffer();
    expect(buffer.size).toBe(6);
    expect(Array.from(buffer.observations.subarray(2 * 2 * 1, 2 * 2 * 1 + 4))).toEqual([10, -10, 11, -11]);
    expect(Array.from(buffer.actions)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(Array.from(buffer.terminated)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(Array.from(buffer.truncated)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(buffer.finalValues[2]).toBe(4);
  });

  it('computes GAE into its advantages and returns', () => {
    const buffer = filledBuffer();
    buffer.computeReturnsAndAdvantages(Float32Array.of(7, 7), { gamma: 1, lambda: 1 });
    // env 0 (values 0,1,2; truncated at t1 with V_final 4): t2 → 1 + 7 − 2 = 6; t1 → 1 + 4 − 1 = 4; t0 → 1 + 1 − 0 + 4 = 6
    expect(Array.from([buffer.advantages[0], buffer.advantages[2], buffer.advantages[4]])).toEqual([6, 4, 6]);
    // env 1 terminates at t2: t2 → 2 − 2 = 0; t1 → 2 + 2 − 1 + 0 = 3; t0 → 2 + 1 − 0 + 3 = 6
    expect(Array.from([buffer.advantages[1], buffer.advantages[3], buffer.advantages[5]])).toEqual([6, 3, 0]);
    expect(buffer.returns[1]).toBe(6);
  });

  it('shuffles into a seeded permutation and gathers every field in that order', () => {
    const a = filledBuffer();
    a.computeReturnsAndAdvantages(Float32Array.of(0, 0), { gamma: 0.9, lambda: 0.8 });
    a.referenceLogProbs.forEach((_, i) => (a.referenceLogProbs[i] = -i));
    const shuffled = a.shuffle(createRng(3));
    const perm = Array.from(a.permutation);
    expect([...perm].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    perm.forEach((j, i) => {
      expect(shuffled.actions[i]).toBe(a.actions[j]);
      expect(shuffled.advantages[i]).toBe(a.advantages[j]);
      expect(shuffled.observations[2 * i + 1]).toBe(a.observations[2 * j + 1]);
      expect(shuffled.referenceLogProbs[4 * i + 3]).toBe(a.referenceLogProbs[4 * j + 3]);
    });
    const b = filledBuffer();
    b.shuffle(createRng(3));
    expect(Array.from(b.permutation)).toEqual(perm);
    const rng = createRng(3);
    a.shuffle(rng);
    const firstEpoch = Array.from(a.permutation);
    a.shuffle(rng);
    expect(Array.from(a.permutation)).not.toEqual(firstEpoch);
  });

  it('rejects non-positive sizes', () => {
    expect(() => new RolloutBuffer({ nSteps: 0, nEnvs: 1, observationSize: 1, actionCount: 2 })).toThrow(/nSteps/);
  });
});
