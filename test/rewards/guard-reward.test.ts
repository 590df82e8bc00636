import { describe, expect, it } from 'vitest';
import { TradegymError } from '../../src/core/errors.js';
import { guardReward } from '../../src/rewards/guard-reward.js';
import type { RewardFn } from '../../src/rewards/reward-fn.js';
import { makeTransition } from './make-transition.js';

function constant(value: unknown): RewardFn {
  return { name: 'const', reset() {}, reward: () => value as number };
}

function caught(fn: () => unknown): TradegymError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TradegymError) return e;
    throw e;
  }
  throw new Error('expected a throw');
}

describe('guardReward', () => {
  it('passes finite values through', () => {
    expect(guardReward(constant(0.25)).reward(makeTransition())).toBe(0.25);
  });

  it('stops on NaN, ±Infinity and non-numbers with E_REWARD_NON_FINITE naming the source and step', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, '1']) {
      const e = caught(() => guardReward(constant(bad), '/tmp/my-reward.ts').reward(makeTransition({ step: 7 })));
      expect(e.code).toBe('E_REWARD_NON_FINITE');
      expect(e.message).toContain('/tmp/my-reward.ts');
      expect(e.message).toContain('step 7');
      expect(e.location.file).toBe('/tmp/my-reward.ts');
    }
  });

  it('turns a throw into E_REWARD_MODULE with the step and keeps the cause', () => {
    const boom = new Error('boom');
    const fn: RewardFn = { name: 'thrower', reset() {}, reward: () => { throw boom; } };
    const e = caught(() => guardReward(fn, 'built-in').reward(makeTransition({ step: 3 })));
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toMatch(/built-in reward "thrower" threw at step 3: boom/);
    expect(e.cause).toBe(boom);
  });

  it('labels a RewardFn passed in code without a module path', () => {
    const e = caught(() => guardReward(constant(Number.NaN)).reward(makeTransition({ step: 1 })));
    expect(e.message).toMatch(/^reward "const" returned NaN at step 1/);
    expect(e.location.file).toBeUndefined();
  });

  it('does not wrap twice', () => {
    const once = guardReward(constant(1));
    expect(guardReward(once)).toBe(once);
  });
});
