import { describe, expect, it } from 'vitest';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { TradingEnv } from '../../envs/trading-env.js';
import { barsFromCloses, integerWalk, randomStrategy } from './bars-fixture.js';

describe('backtest engine and TradingEnv', () => {
  it('produce identical equity for the same action sequence (costs, borrow, both sizings)', () => {
    const bars = barsFromCloses(integerWalk(400, 31, 200));
    const n = bars.close.length;
    const features: FeatureMatrix = { names: ['zero'], dim: 1, rows: n, values: new Float32Array(n), firstValidIndex: 0 };
    const costs = { commissionBps: 7, slippageBps: 11, borrowBpsPerBar: 2 };
    const range = { start: 20, end: 380 };
    for (const sizing of ['fractional', 'whole-shares'] as const) {
      const backtest = runBacktest({ bars, strategy: randomStrategy(), costs, sizing, range, seed: 8, initialCash: 50_000 });
      const env = new TradingEnv({ bars, features, costs, sizing, range, mode: 'evaluate', initialCash: 50_000 });
      const equity = [env.reset().info.equity];
      for (const action of backtest.actions) equity.push(env.step(action).info.equity);
      expect(equity).toEqual([...backtest.equity]);
      expect(backtest.trades.length).toBeGreaterThan(50);
      expect(backtest.costs.borrow).toBeGreaterThan(0);
    }
  });
});
