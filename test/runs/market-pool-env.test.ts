import { beforeAll, describe, expect, it } from 'vitest';
import { TradingEnv } from '../../envs/trading-env.js';
import { checkEnv } from '../../src/rl/check-env.js';
import type { Market } from '../../src/runs/load-market.js';
import { MarketPoolEnv } from '../../src/runs/market-pool-env.js';
import { syntheticMarkets } from './market-fixtures.js';

let markets: Market[];
beforeAll(async () => {
  markets = await syntheticMarkets('synthetic:seed=1,bars=400', 'synthetic:seed=2,bars=300', 'synthetic:seed=3,bars=350');
});

function poolEnv(seed = 0): MarketPoolEnv {
  return new MarketPoolEnv(markets.map((m, j) => new TradingEnv({ bars: m.series, features: m.features, mode: 'train', episodeLength: 20, seed: j })), seed);
}

describe('MarketPoolEnv', () => {
  it('satisfies the Env contract (spaces, seeding, same seed ⇒ same trajectory)', () => {
    const report = checkEnv(() => poolEnv(), { steps: 120 });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('plays episodes on every market of the pool, chosen by its seeded stream', () => {
    const env = poolEnv();
    const seen = (seed: number) => {
      env.reset({ seed });
      const picks: number[] = [];
      for (let episode = 0; episode < 12; episode++) {
        if (episode > 0) env.reset();
        picks.push(env.marketIndex);
      }
      return picks;
    };
    const first = seen(5);
    expect(new Set(first)).toEqual(new Set([0, 1, 2]));
    expect(seen(5)).toEqual(first);
    expect(seen(6)).not.toEqual(first);
  });

  it('refuses markets with different observation sizes', () => {
    const a = markets[0]!;
    const withAccount = new TradingEnv({ bars: a.series, features: a.features, mode: 'train', includeAccountFeatures: true });
    const plain = new TradingEnv({ bars: a.series, features: a.features, mode: 'train' });
    expect(() => new MarketPoolEnv([plain, withAccount], 0)).toThrow(/same features and action levels/);
  });
});
