import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { Box } from '../../src/rl/box.js';
import { VectorEnv } from '../../src/rl/vector-env.js';
import { CountingEnv } from './counting-env.js';

/** Offsets the counting env draws after `reset({ seed })`: first, second, … episode. */
function offsets(seed: number, count: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => rng.int(100));
}

describe('VectorEnv', () => {
  it('seeds env i with seed + i on reset and lays observations out row-major', () => {
    const vec = new VectorEnv(3, () => new CountingEnv(5));
    const obs = vec.reset(10);
    expect(obs).toBe(vec.observations);
    expect(Array.from(obs)).toEqual([offsets(10, 1)[0], 0, offsets(11, 1)[0], 0, offsets(12, 1)[0], 0]);
  });

  it('autoresets in the same step: final observation and info kept, reset observation returned', () => {
    const vec = new VectorEnv(2, (i) => new CountingEnv(i === 0 ? 2 : 3, i === 1));
    vec.reset(0);
    const [first0, second0] = offsets(0, 2);
    const [first1, second1] = offsets(1, 2);
    vec.step(Int32Array.from([1, 2]));
    expect(Array.from(vec.observations)).toEqual([first0! + 1, 1, first1! + 1, 1]);
    expect(vec.completedCount).toBe(0);

    vec.step(Int32Array.from([1, 2])); // env 0 ends here (length 2, terminated)
    expect(Array.from(vec.terminated)).toEqual([1, 0]);
    expect(Array.from(vec.truncated)).toEqual([0, 0]);
    expect(Array.from(vec.rewards)).toEqual([1, 2]);
    expect(Array.from(vec.finalObservations.subarray(0, 2))).toEqual([first0! + 2, 2]);
    expect(Array.from(vec.observations)).toEqual([second0!, 0, first1! + 2, 2]);
    // The env reuses its info object, and the reset set t back to 0: infos[0] must be a copy.
    expect(vec.infos[0]).toEqual({ t: 2 });
    expect(vec.resetInfos[0]).toEqual({ t: 0 });
    expect(vec.completedCount).toBe(1);
    expect([vec.completedEnvIndex[0], vec.completedReturns[0], vec.completedLengths[0]]).toEqual([0, 2, 2]);

    vec.step(Int32Array.from([0, 1])); // env 1 ends here (length 3, truncated)
    expect(Array.from(vec.terminated)).toEqual([0, 0]);
    expect(Array.from(vec.truncated)).toEqual([0, 1]);
    expect(Array.from(vec.finalObservations.subarray(2, 4))).toEqual([first1! + 3, 3]);
    expect(Array.from(vec.observations)).toEqual([second0! + 1, 1, second1!, 0]);
    expect([vec.completedEnvIndex[0], vec.completedReturns[0], vec.completedLengths[0]]).toEqual([1, 5, 3]);
    expect(vec.totalEpisodes).toBe(2);
    expect(vec.totalSteps).toBe(6);
  });

  it('reuses the same buffers across steps and keeps running episode statistics', () => {
    const vec = new VectorEnv(2, () => new CountingEnv(4));
    const buffers = [vec.observations, vec.rewards, vec.terminated, vec.truncated, vec.finalObservations];
    vec.reset(3);
    const actions = Int32Array.from([2, 1]);
    for (let k = 0; k < 3; k++) vec.step(actions);
    const after = [vec.observations, vec.rewards, vec.terminated, vec.truncated, vec.finalObservations];
    after.forEach((buffer, i) => expect(buffer).toBe(buffers[i]));
    expect(Array.from(vec.episodeReturns)).toEqual([6, 3]);
    expect(Array.from(vec.episodeLengths)).toEqual([3, 3]);
    vec.step(actions); // both end together
    expect(vec.completedCount).toBe(2);
    expect(Array.from(vec.completedReturns.subarray(0, 2))).toEqual([8, 4]);
    expect(Array.from(vec.episodeReturns)).toEqual([0, 0]);
  });

  it('keeps the last completed episodes in a ring for mean-return logging', () => {
    const vec = new VectorEnv(2, (i) => new CountingEnv(i + 1), { recentEpisodes: 3 });
    vec.reset(0);
    for (let k = 0; k < 4; k++) vec.step(Int32Array.from([1, 2]));
    // env 0 (length 1) ends every step with return 1; env 1 (length 2) ends every 2nd step with
    // return 2 + 2 = 4. Completion order: 1 | 1, 4 | 1 | 1, 4 → the last three are [1, 1, 4].
    expect(vec.totalEpisodes).toBe(6);
    expect(vec.recentEpisodes.recentReturns()).toEqual([1, 1, 4]);
    expect(vec.recentEpisodes.meanReturn()).toBe(2); // (1 + 1 + 4) / 3
  });

  it('gives identical batches for the same seed, and continues each env stream on reset()', () => {
    const run = (seed: number): number[] => {
      const vec = new VectorEnv(3, (i) => new CountingEnv(2 + i));
      const out = Array.from(vec.reset(seed));
      for (let k = 0; k < 10; k++) {
        vec.step(Int32Array.from([0, 1, 2]));
        out.push(...vec.observations);
      }
      return out;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));

    const vec = new VectorEnv(1, () => new CountingEnv(2));
    vec.reset(4);
    vec.reset();
    expect(vec.observations[0]).toBe(offsets(4, 2)[1]);
  });

  it('refuses to step before reset, a wrong number of actions, and mismatched spaces', () => {
    const vec = new VectorEnv(2, () => new CountingEnv(3));
    expect(() => vec.step(Int32Array.from([0, 0]))).toThrow(/before reset/);
    vec.reset(0);
    try {
      vec.step(Int32Array.from([0]));
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_ARGUMENT')).toBe(true);
      expect((e as Error).message).toMatch(/expects 2 actions, got 1/);
    }
    const mixed = (i: number): CountingEnv => {
      const env = new CountingEnv(3);
      if (i === 1) Object.defineProperty(env, 'observationSpace', { value: new Box(3, 0, 1) });
      return env;
    };
    expect(() => new VectorEnv(2, mixed)).toThrow(/env 1 has different spaces/);
  });
});
