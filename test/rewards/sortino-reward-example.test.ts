import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TradegymError } from '../../src/core/errors.js';
import { loadRewardModule } from '../../src/rewards/load-reward-module.js';
import { makeTransition } from './make-transition.js';

const examplePath = resolve('strategies/rewards/sortino-reward.ts');

describe('strategies/rewards/sortino-reward.ts (worked example, loaded by path)', () => {
  it('matches three hand-computed steps and restarts after reset()', async () => {
    const reward = await loadRewardModule(examplePath, { eta: 0.5, initialDownside: 0.1, turnoverPenalty: 0.1 });
    // σ⁻² starts at 0.1² = 0.01.
    // Step 1: R = 0.02, turnover 1: r = 0.02 / 0.1 − 0.1·1 = 0.1; σ⁻² = 0.5·0.01 + 0.5·0² = 0.005.
    const step1 = makeTransition({ stepReturn: 0.02, turnover: 1 });
    expect(reward.reward(step1)).toBeCloseTo(0.1, 12);
    // Step 2: R = −0.05: σ⁻ = √0.005 = 0.0707106781; r = −0.05 / 0.0707106781 = −0.7071067812;
    // σ⁻² = 0.5·0.005 + 0.5·0.0025 = 0.00375.
    expect(reward.reward(makeTransition({ stepReturn: -0.05 }))).toBeCloseTo(-0.7071067812, 9);
    // Step 3: R = 0.03, turnover 0.5: σ⁻ = √0.00375 = 0.0612372436; r = 0.4898979486 − 0.05 = 0.4398979486.
    expect(reward.reward(makeTransition({ stepReturn: 0.03, turnover: 0.5 }))).toBeCloseTo(0.4398979486, 9);
    reward.reset();
    expect(reward.reward(step1)).toBeCloseTo(0.1, 12);
  });

  it('rejects a bad option through the loader, naming the module', async () => {
    const error = await loadRewardModule(examplePath, { eta: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TradegymError);
    expect((error as TradegymError).code).toBe('E_REWARD_MODULE');
    expect((error as TradegymError).message).toMatch(/sortino-reward\.ts factory threw .*eta is 2/);
  });
});
