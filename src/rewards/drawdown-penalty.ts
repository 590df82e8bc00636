import type { RewardFn, Transition } from './reward-fn.js';
import { assertKnownRewardOptions, rewardNumberOption, type RewardOptions } from './reward-options.js';

/** Default weight λ of the drawdown penalty (see {@link drawdownPenalty}). */
export const DEFAULT_DRAWDOWN_LAMBDA = 1;

/**
 * The increase in drawdown over a step, max(0, drawdown_{t+1} − drawdown_t) (fractions of the peak).
 * Recovering from a drawdown gives 0, not a bonus.
 */
export function drawdownIncrease(transition: Readonly<Transition>): number {
  const increase = transition.drawdown - transition.drawdownBefore;
  return increase > 0 ? increase : 0;
}

/**
 * `drawdown-penalty`: r_t = −λ · max(0, DD_{t+1} − DD_t), DD = 1 − equity / running peak.
 * Option `lambda` (λ ≥ 0, default {@link DEFAULT_DRAWDOWN_LAMBDA}). Stateless.
 */
export function drawdownPenalty(options?: RewardOptions): RewardFn {
  assertKnownRewardOptions('drawdown-penalty', options, ['lambda']);
  const lambda = rewardNumberOption('drawdown-penalty', options, 'lambda', DEFAULT_DRAWDOWN_LAMBDA, { min: 0, max: 1e6 });
  return {
    name: 'drawdown-penalty',
    reset(): void {},
    reward(transition: Readonly<Transition>): number {
      const increase = drawdownIncrease(transition);
      return increase > 0 ? -lambda * increase : 0;
    },
  };
}
