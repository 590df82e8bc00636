import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { createBarSeries } from '../../src/data/bar-series.js';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { checkEnv } from '../../src/rl/check-env.js';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { envIds, makeEnv } from '../../envs/registry.js';
import { TradingEnv } from '../../envs/trading-env.js';

describe('makeEnv', () => {
  it('builds CartPole-v1 with its options', () => {
    const env = makeEnv('CartPole-v1', { seed: 3, maxEpisodeSteps: 7 });
    expect(env).toBeInstanceOf(CartPoleEnv);
    expect(env.maxEpisodeSteps).toBe(7);
    expect(envIds()).toContain('CartPole-v1');
  });

  it('names the known ids for an unknown id', () => {
    try {
      makeEnv('MountainCar-v0');
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_ARGUMENT')).toBe(true);
      expect((e as Error).message).toMatch(/Unknown env id "MountainCar-v0"; registered ids: .*CartPole-v1/);
    }
  });

  it('rejects unknown or mistyped options with E_BAD_CONFIG', () => {
    expect(() => makeEnv('CartPole-v1', { sead: 1 })).toThrow(/has no option "sead"; allowed options: seed, maxEpisodeSteps/);
    try {
      makeEnv('CartPole-v1', { maxEpisodeSteps: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_CONFIG')).toBe(true);
      expect((e as Error).message).toMatch(/"maxEpisodeSteps" is 0; expected an integer ≥ 1/);
    }
  });
});

describe('makeEnv TradingEnv-v0', () => {
  /** 40 daily bars of a zig-zag market with 2 toy features (warm-up 3 rows). */
  function tinyMarket() {
    const n = 40;
    const close = Float64Array.from({ length: n }, (_, i) => 100 + 5 * Math.sin(i / 3));
    const open = Float64Array.from(close, (c, i) => (i === 0 ? c : close[i - 1]!));
    const bars = createBarSeries({
      symbol: 'TOY',
      timestamps: Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 86_400_000),
      open,
      high: Float64Array.from(close, (c, i) => Math.max(c, open[i]!) + 1),
      low: Float64Array.from(close, (c, i) => Math.min(c, open[i]!) - 1),
      close,
      volume: new Float64Array(n).fill(1000),
    });
    const values = new Float32Array(n * 2);
    for (let i = 3; i < n; i++) {
      values[2 * i] = close[i]! / close[i - 1]! - 1;
      values[2 * i + 1] = Math.sin(i / 3);
    }
    const features: FeatureMatrix = { names: ['ret1', 'phase'], dim: 2, rows: n, values, firstValidIndex: 3 };
    return { bars, features };
  }

  it('builds a TradingEnv that passes checkEnv', () => {
    const market = tinyMarket();
    const make = () => makeEnv('TradingEnv-v0', { ...market, mode: 'train', episodeLength: 10 });
    expect(make()).toBeInstanceOf(TradingEnv);
    const report = checkEnv(make, { steps: 60 });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names a missing required option', () => {
    expect(() => makeEnv('TradingEnv-v0', { mode: 'train' } as never)).toThrow(/needs option "bars"/);
    expect(() => makeEnv('TradingEnv-v0', { ...tinyMarket(), mode: 'train', episodeLenght: 5 } as never)).toThrow(
      /has no option "episodeLenght"/,
    );
  });
});
