import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { checkEnv } from '../../src/rl/check-env.js';
import { CARTPOLE, CartPoleEnv, cartPoleDynamics } from '../../envs/cartpole.js';

/** A hand-written balancing controller: push toward the side the pole is falling to. */
function balance(obs: Float32Array): number {
  return obs[2]! + 0.5 * obs[3]! + 0.01 * obs[0]! + 0.1 * obs[1]! > 0 ? 1 : 0;
}

describe('CartPoleEnv', () => {
  it('matches the gymnasium equations for one push right from (0, 0, 0.1, 0)', () => {
    // sin 0.1 = 0.0998334166, cos 0.1 = 0.9950041653, total mass 1.1, m_p·l = 0.05
    // temp = (10 + 0.05·0²·sin) / 1.1 = 9.0909090909
    // θ̈ = (9.8·0.0998334166 − 0.9950041653·9.0909090909) / (0.5·(4/3 − 0.1·0.9900332889/1.1))
    //    = (0.9783674831 − 9.0454924116) / 0.6216651535 = −12.9766400491
    // ẍ = 9.0909090909 − 0.05·(−12.9766400491)·0.9950041653 / 1.1 = 9.6778095864
    // Euler: x = 0 + 0.02·0, ẋ = 0.02·9.6778095864, θ = 0.1 + 0.02·0, θ̇ = 0.02·(−12.9766400491)
    const state = Float64Array.from([0, 0, 0.1, 0]);
    cartPoleDynamics(state, 10);
    expect(state[0]).toBe(0);
    expect(state[1]).toBeCloseTo(0.19355619172742766, 14);
    expect(state[2]).toBe(0.1);
    expect(state[3]).toBeCloseTo(-0.25953280098204656, 14);
  });

  it('uses the θ̇² term and the old velocities, from (0.01, −0.2, 0.05, 0.3) pushed left', () => {
    // sin 0.05 = 0.0499791693, cos 0.05 = 0.9987502604
    // temp = (−10 + 0.05·0.09·0.0499791693) / 1.1 = −9.0907046307
    // θ̈ = (9.8·0.0499791693 + 0.9987502604·9.0907046307) / (0.5·(4/3 − 0.1·0.9975020826/1.1)) = 15.4011656803
    // ẍ = −9.0907046307 − 0.05·15.4011656803·0.9987502604 / 1.1 = −9.7898827322
    // x = 0.01 + 0.02·(−0.2) = 0.006, ẋ = −0.2 + 0.02·ẍ, θ = 0.05 + 0.02·0.3 = 0.056, θ̇ = 0.3 + 0.02·θ̈
    const state = Float64Array.from([0.01, -0.2, 0.05, 0.3]);
    cartPoleDynamics(state, -10);
    expect(state[0]).toBeCloseTo(0.006, 15);
    expect(state[1]).toBeCloseTo(-0.3957976546439626, 14);
    expect(state[2]).toBeCloseTo(0.056, 15);
    expect(state[3]).toBeCloseTo(0.6080233136061515, 14);
  });

  it('resets each state variable uniformly in [−0.05, 0.05) from the seeded Rng', () => {
    const env = new CartPoleEnv();
    const { observation } = env.reset({ seed: 9 });
    const rng = createRng(9);
    const expected = Array.from({ length: 4 }, () => Math.fround(rng.uniformRange(-0.05, 0.05)));
    expect(Array.from(observation)).toEqual(expected);
    expect(observation.every((v) => v >= -0.05 && v < 0.05)).toBe(true);
  });

  it('steps the float64 state and returns a float32 copy in a reused buffer', () => {
    const env = new CartPoleEnv();
    const first = env.reset({ seed: 4 }).observation;
    const rng = createRng(4);
    const state = Float64Array.from({ length: 4 }, () => rng.uniformRange(-0.05, 0.05));
    cartPoleDynamics(state, 10);
    const result = env.step(1);
    expect(result.observation).toBe(first);
    expect(Array.from(result.observation)).toEqual(Array.from(state, (v) => Math.fround(v)));
    expect([result.reward, result.terminated, result.truncated]).toEqual([1, false, false]);
  });

  it('terminates when the pole passes 12° or the cart leaves ±2.4, with reward 1 on that step', () => {
    const env = new CartPoleEnv();
    env.reset({ seed: 1 });
    let result = env.step(1);
    let steps = 1;
    while (!result.terminated) {
      const [x, , theta] = result.observation;
      expect(Math.abs(x!) <= CARTPOLE.xThreshold && Math.abs(theta!) <= CARTPOLE.thetaThresholdRadians).toBe(true);
      result = env.step(1);
      steps++;
    }
    const [x, , theta] = result.observation;
    expect(Math.abs(x!) > 2.4 || Math.abs(theta!) > 0.2094).toBe(true);
    expect(CARTPOLE.thetaThresholdRadians).toBeCloseTo(0.20943951, 8);
    expect([result.reward, result.truncated]).toEqual([1, false]);
    expect(steps).toBeLessThan(20);
    expect(() => env.step(0)).toThrow(/after the episode ended/);
  });

  it('truncates at step 500 while a balancing controller keeps the pole up', () => {
    const env = new CartPoleEnv();
    let obs = env.reset({ seed: 0 }).observation;
    for (let t = 1; t <= 500; t++) {
      const result = env.step(balance(obs));
      obs = result.observation;
      expect(result.terminated).toBe(false);
      expect(result.truncated).toBe(t === 500);
    }
  });

  it('gives the same trajectory for the same seed and a different one for another seed', () => {
    const run = (seed: number): number[] => {
      const env = new CartPoleEnv();
      const out = Array.from(env.reset({ seed }).observation);
      for (let t = 0; t < 30; t++) {
        const result = env.step(t % 3 === 0 ? 0 : 1);
        out.push(...result.observation);
        if (result.terminated || result.truncated) out.push(...env.reset().observation);
      }
      return out;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('passes checkEnv', () => {
    expect(checkEnv(() => new CartPoleEnv(), { steps: 300 })).toEqual({ ok: true, problems: [], warnings: [] });
  });

  it('rejects actions other than 0 and 1, and stepping before reset', () => {
    const env = new CartPoleEnv();
    expect(() => env.step(0)).toThrow(/before reset/);
    env.reset({ seed: 0 });
    try {
      env.step(2);
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_ARGUMENT')).toBe(true);
    }
  });
});
