import type { RewardFn, Transition } from './reward-fn.js';
import { assertKnownRewardOptions, type RewardOptions } from './reward-options.js';

/**
 * `log-return`: r_t = ln(equity_{t+1} / equity_t), net of commission, slippage and borrow
 * (they are already in the equity). Summing it over an episode gives the log growth of the account.
 * No options.
 */
export function logReturnReward(options?: RewardOptions): RewardFn {
  assertKnownRewardOptions('log-return', options, []);
  return {
    name: 'log-return',
    reset(): void {},
    reward(transition: Readonly<Transition>): number {
      return transition.logReturn;
    },
  };
}
