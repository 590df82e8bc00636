import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import type { BarSeries } from '../../src/data/bar-series.js';
import { generateSyntheticMarket } from '../../src/data/synthetic-market.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { saveCheckpoint } from '../../src/nn/model-store.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { loadPolicyStrategy } from '../../strategies/load-policy-strategy.js';
import { policyStrategy } from '../../strategies/policy-strategy.js';
import { TradingEnv } from '../../envs/trading-env.js';

const LEVELS = [-1, -0.5, 0, 0.5, 1];
const bars = generateSyntheticMarket({ bars: 700, symbol: 'P' }, createRng(5)).series;
const features = computeFeatures(bars);
const costs = { commissionBps: 3, slippageBps: 4 };
const plain = ActorCritic.create({ observationSize: features.dim, actionCount: 5, actorHidden: [32], criticHidden: [32] }, createRng(11));
const withAccount = ActorCritic.create({ observationSize: features.dim + 2, actionCount: 5, actorHidden: [32], criticHidden: [32] }, createRng(12));
afterAll(() => {
  plain.dispose();
  withAccount.dispose();
});

function strategyOf(policy: ActorCritic, account: boolean, greedy = true) {
  const names = account ? [...features.names, 'position', 'drawdown'] : features.names;
  return policyStrategy({ policy, name: 'pi', greedy, observationNames: names, actionLevels: LEVELS });
}

/** The env rollout of a greedy policy: the reference the backtest must reproduce. */
function envEquity(policy: ActorCritic, account: boolean, series: BarSeries = bars, matrix: FeatureMatrix = features): number[] {
  const env = new TradingEnv({ bars: series, features: matrix, costs, mode: 'evaluate', includeAccountFeatures: account });
  let { observation } = env.reset();
  const equity = [env.portfolio.equity];
  for (;;) {
    const action = policy.act(observation, 1, createRng(0), true).actions[0]!;
    const step = env.step(action);
    equity.push(step.info.equity);
    observation = step.observation;
    if (step.truncated || step.terminated) return equity;
  }
}

describe('policyStrategy', () => {
  it('batched forward pass reproduces the env rollout of the same greedy policy', () => {
    const result = runBacktest({ bars, features, strategy: strategyOf(plain, false), costs });
    expect(result.start).toBe(features.firstValidIndex);
    expect(result.trades.length).toBeGreaterThan(5);
    expect([...result.equity]).toEqual(envEquity(plain, false));
  });

  it('feeds position and drawdown like the env when the policy observes account features', () => {
    const result = runBacktest({ bars, features, strategy: strategyOf(withAccount, true), costs });
    expect([...result.equity]).toEqual(envEquity(withAccount, true));
  });

  it('decisions up to t are unchanged when features after t change (no look-ahead through batching)', () => {
    const cut = features.firstValidIndex + 200;
    const perturbed = Float32Array.from(features.values, (v, i) => (i >= (cut + 1) * features.dim ? -v + 0.3 : v));
    const other: FeatureMatrix = { ...features, values: perturbed };
    const a = runBacktest({ bars, features, strategy: strategyOf(plain, false) });
    const b = runBacktest({ bars, features: other, strategy: strategyOf(plain, false) });
    const upTo = cut - a.start + 1;
    expect([...b.actions.subarray(0, upTo)]).toEqual([...a.actions.subarray(0, upTo)]);
    expect([...b.actions]).not.toEqual([...a.actions]);
  });

  it('samples reproducibly from the seed and reports probabilities and values', () => {
    const run = (seed: number) => runBacktest({ bars, features, strategy: strategyOf(plain, false, false), seed });
    expect([...run(1).actions]).toEqual([...run(1).actions]);
    expect([...run(1).actions]).not.toEqual([...run(2).actions]);
    const strategy = strategyOf(plain, false);
    const events: number[][] = [];
    runBacktest({ bars, features, strategy, onEvent: (e) => e.type === 'bar' && events.push(e.probs!) });
    expect(events[0]).toHaveLength(5);
    expect(events[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('refuses a backtest with other action levels or other features, saying what to change', () => {
    expect(() => runBacktest({ bars, features, strategy: strategyOf(plain, false), actionLevels: [0, 0.25, 0.5, 0.75, 1] })).toThrow(
      /trained with action levels \[-1, -0.5, 0, 0.5, 1\] but the backtest uses \[0, 0.25, 0.5, 0.75, 1\]/,
    );
    const renamed: FeatureMatrix = { ...features, names: features.names.map((n, i) => (i === 0 ? 'other' : n)) };
    expect(() => runBacktest({ bars, features: renamed, strategy: strategyOf(plain, false) })).toThrow(/was trained on features/);
    expect(() => runBacktest({ bars, strategy: strategyOf(plain, false) })).toThrow(/reads features/);
  });

  it('loads a saved checkpoint and acts exactly as the in-memory policy', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'tradegym-policy-')), 'base');
    await saveCheckpoint(dir, plain, 'base', { featureNames: features.names, actionLevels: LEVELS });
    const loaded = await loadPolicyStrategy({ checkpoint: dir });
    expect(loaded.strategy.name).toBe('policy:base');
    expect(loaded.trainableParams).toBeGreaterThan(0);
    const fromDisk = runBacktest({ bars, features, strategy: loaded.strategy, costs });
    loaded.strategy.dispose!();
    const inMemory = runBacktest({ bars, features, strategy: strategyOf(plain, false), costs });
    expect([...fromDisk.equity]).toEqual([...inMemory.equity]);
  });
});
