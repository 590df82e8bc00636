import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReward, looksLikeModulePath } from '../../src/rewards/create-reward.js';
import { GuardedReward } from '../../src/rewards/guard-reward.js';
import { BUILTIN_REWARD_NAMES, createBuiltinReward, DEFAULT_REWARD_NAME, rewardFactories } from '../../src/rewards/reward-registry.js';
import { makeTransition } from './make-transition.js';

describe('createReward', () => {
  it('builds every built-in by name, guarded', async () => {
    expect(BUILTIN_REWARD_NAMES).toEqual(['log-return', 'differential-sharpe', 'drawdown-penalty', 'sharpe-drawdown']);
    for (const name of BUILTIN_REWARD_NAMES) {
      const reward = await createReward(name);
      expect(reward.name).toBe(name);
      expect(reward).toBeInstanceOf(GuardedReward);
      expect(Number.isFinite(reward.reward(makeTransition({ stepReturn: 0.01 })))).toBe(true);
    }
  });

  it('defaults to sharpe-drawdown and passes options through', async () => {
    expect(DEFAULT_REWARD_NAME).toBe('sharpe-drawdown');
    expect((await createReward()).name).toBe('sharpe-drawdown');
    const penalty = await createReward('drawdown-penalty', { lambda: 3 });
    expect(penalty.reward(makeTransition({ drawdownBefore: 0, drawdown: 0.1 }))).toBeCloseTo(-0.3, 12);
    expect(typeof rewardFactories['log-return']).toBe('function');
  });

  it('loads a module when given a path', async () => {
    const reward = await createReward(resolve('strategies/rewards/sortino-reward.ts'), { eta: 0.5 });
    expect(reward.name).toBe('sortino-reward');
  });

  it('names the valid choices for an unknown reward', async () => {
    await expect(createReward('sharpe')).rejects.toThrow(/built-in \(log-return, differential-sharpe, drawdown-penalty, sharpe-drawdown\)/);
    expect(() => createBuiltinReward('sharpe')).toThrow(/Unknown reward "sharpe"/);
  });

  it('tells module paths from names', () => {
    expect(looksLikeModulePath('./r.ts')).toBe(true);
    expect(looksLikeModulePath('r.mjs')).toBe(true);
    expect(looksLikeModulePath('C:\\x\\r')).toBe(true);
    expect(looksLikeModulePath('log-return')).toBe(false);
  });
});
