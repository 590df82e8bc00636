import { describe, expect, it } from 'vitest';
import { isTradegymError, TradegymError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { createBuiltinReward } from '../../src/rewards/reward-registry.js';
import type { RewardFn } from '../../src/rewards/reward-fn.js';
import { checkEnv } from '../../src/rl/check-env.js';
import { TradingEnv } from '../../envs/trading-env.js';
import type { TradingEnvOptions } from '../../envs/trading-env-config.js';
import { barsFrom, indexFeatures, randomWalkBars } from './env-fixtures.js';

const walk = randomWalkBars(createRng(5), 400);
const walkFeatures = indexFeatures(400, 30);

function trainEnv(extra: Partial<TradingEnvOptions> = {}): TradingEnv {
  return new TradingEnv({ bars: walk, features: walkFeatures, mode: 'train', episodeLength: 50, ...extra });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isTradegymError(e) ? e.code : `not a TradegymError: ${String(e)}`;
  }
  return undefined;
}

/** Runs one episode with seeded random actions; returns copies of everything observed. */
function rollout(env: TradingEnv, seed: number, actionSeed: number) {
  const actions = createRng(actionSeed);
  const first = env.reset({ seed });
  const observations = [Array.from(first.observation)];
  const rewards: number[] = [];
  const equities: number[] = [];
  for (;;) {
    const r = env.step(env.actionSpace.sample(actions));
    observations.push(Array.from(r.observation));
    rewards.push(r.reward);
    equities.push(r.info.equity);
    if (r.terminated || r.truncated) return { observations, rewards, equities };
  }
}

describe('TradingEnv', () => {
  it('has Box(20) observations, Discrete(5) actions, and Box(22) with account features', () => {
    const env = trainEnv();
    expect(env.observationSpace.shape).toEqual([20]);
    expect(env.actionSpace.n).toBe(5);
    expect(Array.from(env.actionLevels)).toEqual([-1, -0.5, 0, 0.5, 1]);
    const withAccount = trainEnv({ includeAccountFeatures: true, actionLevels: [0, 0.25, 0.5, 0.75, 1] });
    expect(withAccount.observationSpace.shape).toEqual([22]);
    expect(withAccount.observationNames.slice(-2)).toEqual(['position', 'drawdown']);
    expect(withAccount.reset({ seed: 1 }).observation).toHaveLength(22);
  });

  it('fills a hand-computed two-bar episode (log-return reward)', () => {
    // Bars: close₀ 100; open₁ 101, close₁ 102; open₂ 103, close₂ 99. Cash 10 000, c = s = 10 bps.
    const env = new TradingEnv({
      bars: barsFrom([100, 101, 103], [100, 102, 99]),
      features: indexFeatures(3),
      mode: 'evaluate',
      initialCash: 10_000,
      costs: { commissionBps: 10, slippageBps: 10 },
      reward: createBuiltinReward('log-return'),
    });
    expect(env.reset().info.barIndex).toBe(0);
    // Step 0, action 4 (target +1), fill at open₁ = 101: k = 0.001 + 1.001·0.001 = 0.002001;
    // notional = 10 000 / 1.002001 = 9 980.02996, shares = 9 980.02996 / 101 = 98.8121778;
    // fill 101 · 1.001 = 101.101; traded value 98.8121778 · 101.101 = 9 990.00999; commission 9.99001;
    // cash = 10 000 − 9 990.00999 − 9.99001 ≈ 0. Close₁ 102: equity = 98.8121778 · 102 = 10 078.84214;
    // reward = ln(10 078.84214 / 10 000) = 0.0078532958.
    const s1 = env.step(4);
    expect(s1.info.fillPrice).toBeCloseTo(101.101, 10);
    expect(s1.info.tradedShares).toBeCloseTo(98.8121778223, 9);
    expect(s1.info.commission).toBeCloseTo(9.99000999, 7);
    expect(s1.info.slippage).toBeCloseTo(9.98002996, 7); // 98.8121778 · 101 · 0.001
    expect(s1.info.cash).toBeCloseTo(0, 8);
    expect(s1.info.equity).toBeCloseTo(10_078.8421378722, 7);
    expect(s1.info.position).toBeCloseTo(1, 12);
    expect(s1.reward).toBeCloseTo(0.0078532958, 9);
    expect([s1.terminated, s1.truncated, s1.info.barIndex]).toEqual([false, false, 1]);
    // Step 1, action 2 (target 0), sell 98.8121778 at open₂ · 0.999 = 102.897: proceeds 10 167.47666,
    // commission 10.16748; equity = cash = 10 157.30918 (close₂ no longer matters);
    // reward = ln(10 157.30918 / 10 078.84214) = 0.0077551743. Bar 2 is the last: truncated.
    const s2 = env.step(2);
    expect(s2.info.fillPrice).toBeCloseTo(102.897, 10);
    expect(s2.info.commission).toBeCloseTo(10.1674766614, 8);
    expect(s2.info.equity).toBeCloseTo(10_157.3091847174, 7);
    expect(s2.info.shares).toBe(0);
    expect(s2.reward).toBeCloseTo(0.0077551743, 9);
    expect([s2.terminated, s2.truncated, s2.info.barIndex]).toEqual([false, true, 2]);
    expect(s2.info.peak).toBeCloseTo(10_157.3091847174, 7);
    expect(codeOf(() => env.step(2))).toBe('E_ENV_STATE');
  });

  it('gives identical trajectories for the same seed and different episode starts for another', () => {
    const a = rollout(trainEnv(), 42, 7);
    const b = rollout(trainEnv(), 42, 7);
    expect(b).toEqual(a);
    const used = trainEnv();
    rollout(used, 3, 1);
    expect(rollout(used, 42, 7)).toEqual(a); // re-seeding re-creates the start stream
    expect(rollout(trainEnv(), 43, 7).observations[0]).not.toEqual(a.observations[0]);
  });

  it('continues its start stream when reset without a seed, and honours startIndex', () => {
    const env = trainEnv({ seed: 9 });
    const starts = Array.from({ length: 5 }, () => env.reset().info.barIndex);
    expect(new Set(starts).size).toBeGreaterThan(1);
    expect(trainEnv({ seed: 9 }).reset().info.barIndex).toBe(starts[0]);
    expect(env.reset({ options: { startIndex: 123 } }).info.barIndex).toBe(123);
    expect(codeOf(() => env.reset({ options: { startIndex: 29 } }))).toBe('E_BAD_ARGUMENT'); // warm-up bar
    expect(codeOf(() => env.reset({ options: { startIndex: 399 } }))).toBe('E_BAD_ARGUMENT'); // nothing to fill on
  });

  it('never observes a warm-up row or a bar outside its range', () => {
    for (const mode of ['train', 'evaluate'] as const) {
      const env = new TradingEnv({ bars: walk, features: walkFeatures, mode, episodeLength: 20, range: { start: 10, end: 300 } });
      for (let episode = 0; episode < 30; episode++) {
        const { observations } = rollout(env, episode, episode);
        for (const obs of observations) {
          expect(obs[0]).toBeGreaterThanOrEqual(30); // row index t: never a warm-up row (−1), never < firstValidIndex
          expect(obs[0]).toBeLessThanOrEqual(299);
          expect(obs[1]).toBeCloseTo(obs[0]! + 0.01, 4);
        }
      }
    }
  });

  it('truncates at the episode length and at the end of the data', () => {
    const env = trainEnv({ episodeLength: 5 });
    const { rewards } = rollout(env, 1, 1);
    expect(rewards).toHaveLength(5);
    const evaluate = new TradingEnv({ bars: walk, features: walkFeatures, mode: 'evaluate', range: { start: 0, end: 100 } });
    const run = rollout(evaluate, 1, 1);
    expect(run.rewards).toHaveLength(100 - 1 - 30); // steps from bar 30 to bar 99
    expect(run.observations.at(-1)![0]).toBe(99);
  });

  it('terminates on bankruptcy with leverage and keeps the reward finite', () => {
    // 5× long bought at open₁ 100, close₁ 75: equity ≈ 1 000 · (1 − 5 · 0.25) < 0.
    const env = new TradingEnv({
      bars: barsFrom([100, 100, 75, 75], [100, 75, 75, 75]),
      features: indexFeatures(4),
      mode: 'evaluate',
      initialCash: 1_000,
      actionLevels: [0, 5],
      reward: createBuiltinReward('log-return'),
    });
    env.reset();
    const r = env.step(1);
    expect(r.info.equity).toBeLessThanOrEqual(0);
    expect(r.terminated).toBe(true);
    expect(r.truncated).toBe(false);
    expect(r.reward).toBeCloseTo(Math.log(1e-6), 9); // floored log return, not −∞/NaN
  });

  it('terminates at the configured drawdown limit', () => {
    // Fully long from open₁ 100: close₁ 95 (−5 %), close₂ 85 (−15 % from the peak) ≥ 10 % limit.
    const env = new TradingEnv({
      bars: barsFrom([100, 100, 95, 85, 85], [100, 95, 85, 85, 85]),
      features: indexFeatures(5),
      mode: 'evaluate',
      costs: { commissionBps: 0, slippageBps: 0 },
      drawdownLimit: 0.1,
    });
    env.reset();
    const first = env.step(4);
    expect(first.info.drawdown).toBeCloseTo(0.05, 12);
    expect(first.terminated).toBe(false);
    const second = env.step(4);
    expect(second.info.drawdown).toBeCloseTo(0.15, 12);
    expect(second.terminated).toBe(true);
  });

  it('charges the borrow fee on shorts only, visible in info', () => {
    const env = new TradingEnv({
      bars: barsFrom([100, 100, 100], [100, 100, 100]),
      features: indexFeatures(3),
      mode: 'evaluate',
      costs: { commissionBps: 0, slippageBps: 0, borrowBpsPerBar: 10 },
    });
    env.reset();
    expect(env.step(0).info.borrow).toBeCloseTo(100, 9); // short 100 000 of value · 0.001
    env.reset();
    expect(env.step(4).info.borrow).toBe(0);
  });

  it('reuses its observation and info objects, which still copy as plain data', () => {
    const env = trainEnv();
    const reset = env.reset({ seed: 1 });
    const step = env.step(3);
    expect(step.observation).toBe(reset.observation);
    expect(step.info).toBe(reset.info);
    const copy = { ...step.info };
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.equity).toBe(step.info.equity);
    expect(Object.keys(JSON.parse(JSON.stringify(step.info)))).toContain('fillPrice');
  });

  it('stops with E_REWARD_NON_FINITE when a reward returns NaN', () => {
    const nan: RewardFn = { name: 'nan', reset() {}, reward: (t) => (t.step === 2 ? Number.NaN : 0) };
    const env = trainEnv({ reward: nan });
    env.reset({ seed: 1 });
    env.step(1);
    env.step(1);
    let error: unknown;
    try {
      env.step(1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TradegymError);
    expect((error as TradegymError).code).toBe('E_REWARD_NON_FINITE');
    expect((error as TradegymError).message).toMatch(/step 2/);
  });

  it('rejects bad actions, mismatched features and too-short ranges', () => {
    const env = trainEnv();
    expect(codeOf(() => env.step(0))).toBe('E_ENV_STATE'); // before reset
    env.reset({ seed: 1 });
    expect(codeOf(() => env.step(5))).toBe('E_BAD_ARGUMENT');
    expect(codeOf(() => env.step(1.5))).toBe('E_BAD_ARGUMENT');
    expect(codeOf(() => new TradingEnv({ bars: walk, features: indexFeatures(399), mode: 'train' }))).toBe('E_BAD_CONFIG');
    expect(codeOf(() => new TradingEnv({ bars: walk, features: walkFeatures, mode: 'evaluate', range: { start: 0, end: 31 } }))).toBe('E_DATA_TOO_SHORT');
    expect(codeOf(() => trainEnv({ episodeLength: 0 }))).toBe('E_BAD_CONFIG');
    expect(codeOf(() => trainEnv({ drawdownLimit: 1.5 }))).toBe('E_BAD_CONFIG');
  });

  it('passes checkEnv', () => {
    const report = checkEnv(() => trainEnv({ includeAccountFeatures: true }), { steps: 300 });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
