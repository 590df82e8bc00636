import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { VectorEnv } from '../../src/rl/vector-env.js';
import { TradingEnv } from '../../envs/trading-env.js';
import type { TradingInfo } from '../../envs/trading-info.js';
import { indexFeatures, randomWalkBars } from './env-fixtures.js';

const bars = randomWalkBars(createRng(12), 200);
const features = indexFeatures(200, 20);

describe('TradingEnv inside VectorEnv', () => {
  it('autoresets at the episode length and keeps a plain snapshot of the final info', () => {
    const vec = new VectorEnv<TradingInfo>(2, () => new TradingEnv({ bars, features, mode: 'train', episodeLength: 5 }));
    vec.reset(7);
    const actions = Int32Array.from([4, 0]);
    for (let k = 0; k < 4; k++) vec.step(actions);
    expect(vec.completedCount).toBe(0);
    vec.step(actions);
    expect(vec.completedCount).toBe(2);
    expect(Array.from(vec.truncated)).toEqual([1, 1]);
    for (const i of [0, 1]) {
      const snapshot = vec.infos[i]!;
      expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
      expect(snapshot.step).toBe(5);
      expect(snapshot.equity).not.toBe(100_000); // long or short for 5 bars with costs
      // The live info already shows the new episode; the snapshot kept the finished one.
      expect(vec.resetInfos[i]!.step).toBe(0);
      expect(vec.resetInfos[i]!.equity).toBe(100_000);
      expect(vec.observations[i * 20]).toBe(vec.resetInfos[i]!.barIndex); // feature 0 = observed bar index
      expect(vec.finalObservations[i * 20]).toBe(snapshot.barIndex);
    }
  });
});
