import { describe, expect, it } from 'vitest';
import { RandomizedTradingEnv } from '../../envs/randomized-trading-env.js';
import { createRng } from '../../src/core/rng.js';
import { windowVolatility } from '../../src/data/window-volatility.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { createBuiltinReward } from '../../src/rewards/reward-registry.js';
import { checkEnv } from '../../src/rl/check-env.js';
import { randomWalkBars } from './env-fixtures.js';

const bars = randomWalkBars(createRng(4), 700, 0.015);
const features = computeFeatures(bars);

function env(ranges: ConstructorParameters<typeof RandomizedTradingEnv>[0]['ranges'], seed = 1) {
  return new RandomizedTradingEnv({ bars, features, reward: createBuiltinReward('log-return'), episodeLength: 50, ranges, seed });
}

function trajectory(e: RandomizedTradingEnv, seed: number): number[] {
  e.reset({ seed });
  const rewards: number[] = [];
  for (let i = 0; i < 50; i++) {
    const step = e.step(i % 5);
    rewards.push(step.reward);
    if (step.terminated || step.truncated) break;
  }
  return rewards;
}

describe('RandomizedTradingEnv', () => {
  it('passes checkEnv and replays the same episode for the same seed', () => {
    const ranges = { commissionBps: [0, 20], volatilityScale: [0.5, 2], regimeQuantiles: [0.2, 0.8] } as const;
    expect(checkEnv(() => env(ranges), { steps: 200 }).problems).toEqual([]);
    const e = env(ranges);
    expect(trajectory(e, 9)).toEqual(trajectory(e, 9));
  });

  it('applies the drawn costs to the episode’s fills', () => {
    const e = env({ commissionBps: [10, 30], slippageBps: [1, 2] });
    for (let i = 0; i < 5; i++) {
      e.reset();
      const c = e.conditions!;
      expect(c.commissionBps).toBeGreaterThanOrEqual(10);
      const step = e.step(4); // buy
      expect(step.info.commission / step.info.tradedValue).toBeCloseTo(c.commissionBps / 1e4, 10);
      expect(step.info.fillPrice / step.info.openPrice - 1).toBeCloseTo(c.slippageBps / 1e4, 10);
    }
  });

  it('plays volatility-scaled versions of the market with recomputed features', () => {
    const e = env({ volatilityScale: [4, 4] });
    const calm = env({});
    e.reset({ options: { startIndex: 300 } });
    calm.reset({ options: { startIndex: 300 } });
    const wild = e.step(4);
    const normal = calm.step(4);
    expect(e.conditions!.volatilityScale).toBe(4);
    expect(Math.abs(wild.info.equity / 1e5 - 1)).not.toBeCloseTo(Math.abs(normal.info.equity / 1e5 - 1), 6);
    expect(Array.from(wild.observation)).not.toEqual(Array.from(normal.observation));
  });

  it('starts episodes only in the calm regime quantiles, and follows setRanges from the next reset', () => {
    const e = env({ regimeQuantiles: [0, 0.2] });
    const vol = windowVolatility(bars.close, 50);
    const candidates = Array.from({ length: e['current'].lastBarIndex - 50 - features.firstValidIndex + 1 }, (_, i) => vol[features.firstValidIndex + i]!).sort((a, b) => a - b);
    const cutoff = candidates[Math.ceil(0.2 * (candidates.length - 1))]!;
    for (let i = 0; i < 30; i++) {
      const { info } = e.reset();
      expect(vol[info.barIndex]!).toBeLessThanOrEqual(cutoff);
    }
    e.setRanges({ regimeQuantiles: [0.9, 1], episodeLength: 20 });
    const { info } = e.reset();
    expect(vol[info.barIndex]!).toBeGreaterThan(cutoff);
    expect(e.conditions!.episodeLength).toBe(20);
  });
});
