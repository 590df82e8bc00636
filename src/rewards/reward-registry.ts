import { TradegymError } from '../core/errors.js';
import { differentialSharpe } from './differential-sharpe.js';
import { drawdownPenalty } from './drawdown-penalty.js';
import { guardReward } from './guard-reward.js';
import { logReturnReward } from './log-return.js';
import type { RewardFactory, RewardFn } from './reward-fn.js';
import { sharpeDrawdown } from './sharpe-drawdown.js';

/** Names of the built-in rewards. */
export type BuiltinRewardName = 'log-return' | 'differential-sharpe' | 'drawdown-penalty' | 'sharpe-drawdown';

/** The reward used when none is named: differential Sharpe − λ · drawdown increase. */
export const DEFAULT_REWARD_NAME: BuiltinRewardName = 'sharpe-drawdown';

/** Built-in reward factories by name. */
export const rewardFactories: Readonly<Record<BuiltinRewardName, RewardFactory>> = Object.freeze({
  'log-return': logReturnReward,
  'differential-sharpe': differentialSharpe,
  'drawdown-penalty': drawdownPenalty,
  'sharpe-drawdown': sharpeDrawdown,
});

/** The built-in names, for validation and help text. */
export const BUILTIN_REWARD_NAMES = Object.freeze(Object.keys(rewardFactories)) as readonly BuiltinRewardName[];

/** True when `name` is a built-in reward. */
export function isBuiltinRewardName(name: string): name is BuiltinRewardName {
  return Object.prototype.hasOwnProperty.call(rewardFactories, name);
}

/**
 * A fresh built-in reward, wrapped by {@link guardReward} so a non-finite value stops the run.
 * @throws TradegymError `E_BAD_CONFIG` for an unknown name or bad options.
 */
export function createBuiltinReward(name: string = DEFAULT_REWARD_NAME, options?: Record<string, unknown>): RewardFn {
  if (!isBuiltinRewardName(name)) {
    throw new TradegymError('E_BAD_CONFIG', `Unknown reward "${name}"; built-in rewards are ${BUILTIN_REWARD_NAMES.join(', ')}.`, {
      column: 'reward',
      value: name,
    });
  }
  return guardReward(rewardFactories[name](options), 'built-in');
}
