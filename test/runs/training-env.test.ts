import { beforeAll, describe, expect, it } from 'vitest';
import type { Market } from '../../src/runs/load-market.js';
import { createTrainingEnv, trainingRange } from '../../src/runs/training-env.js';
import { DEFAULT_TRAINING_SETTINGS } from '../../src/runs/training-settings.js';
import { syntheticMarkets } from './market-fixtures.js';

let market: Market;
beforeAll(async () => {
  [market] = await syntheticMarkets('synthetic:seed=4,bars=500,start=2020-01-01');
});

describe('trainingRange', () => {
  it('takes the first round(n · fraction) bars', () => {
    expect(trainingRange(market, { trainFraction: 0.7 })).toEqual({ start: 0, end: 350 });
    expect(trainingRange(market, { trainFraction: 1 })).toEqual({ start: 0, end: 500 });
  });

  it('or the bars strictly before a date', () => {
    const t = market.series.timestamps;
    const end = trainingRange(market, { trainFraction: 1, trainEnd: t[400]! });
    expect(end).toEqual({ start: 0, end: 400 });
    expect(trainingRange(market, { trainFraction: 1, trainEnd: new Date(t[400]! - 1).toISOString() }).end).toBe(400);
  });

  it('rejects bad fractions and ranges too short after the warm-up', () => {
    expect(() => trainingRange(market, { trainFraction: 1.2 })).toThrow(/not in \(0, 1\]/);
    expect(() => trainingRange(market, { trainFraction: 0.2 })).toThrow(/after the 148-bar feature warm-up/);
    expect(() => trainingRange(market, { trainFraction: 1, trainEnd: 'soon' })).toThrow(/not a time/);
  });
});

describe('createTrainingEnv', () => {
  it('builds nEnvs slots whose episodes never reach past the training range', async () => {
    const env = await createTrainingEnv([market], { ...DEFAULT_TRAINING_SETTINGS, nEnvs: 3, episodeLength: 50, trainFraction: 0.7 });
    expect(env.numEnvs).toBe(3);
    env.reset(1);
    let maxBar = 0;
    const actions = new Int32Array(3).fill(4);
    for (let step = 0; step < 400; step++) {
      env.step(actions);
      for (const info of env.infos) maxBar = Math.max(maxBar, (info as { barIndex: number }).barIndex);
    }
    expect(maxBar).toBeLessThanOrEqual(349);
    expect(env.totalEpisodes).toBeGreaterThan(0);
  });
});
