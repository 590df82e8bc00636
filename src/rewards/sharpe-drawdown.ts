import { createDsrState, DSR_OPTION_KEYS } from './differential-sharpe.js';
import { drawdownIncrease } from './drawdown-penalty.js';
import type { RewardFn, Transition } from './reward-fn.js';
import { assertKnownRewardOptions, rewardNumberOption, type RewardOptions } from './reward-options.js';

/**
 * Default λ of `sharpe-drawdown`. With daily bars and η = 0.01 the differential Sharpe term is
 * ≈ R_t and a step's drawdown increase is at most |exposure · R_t|, so λ = 1 weighs the two alike.
 */
export const DEFAULT_SHARPE_DRAWDOWN_LAMBDA = 1;

/**
 * `sharpe-drawdown` (the default reward): r_t = D_t − λ · max(0, DD_{t+1} − DD_t), where D_t is the
 * Moody–Saffell differential Sharpe ratio of the step's simple return (see `differentialSharpe`)
 * and DD the drawdown from the running equity peak. Options: those of `differentialSharpe` —
 * `eta` (default 0.01), `priorVariance` (default 1e-4 = (1 %)², a daily bar; set it to your bar's
 * typical squared return), `minVariance` (default 1e-8) — and `lambda` ≥ 0 (default
 * {@link DEFAULT_SHARPE_DRAWDOWN_LAMBDA}).
 */
export function sharpeDrawdown(options?: RewardOptions): RewardFn {
  assertKnownRewardOptions('sharpe-drawdown', options, [...DSR_OPTION_KEYS, 'lambda']);
  const dsr = createDsrState('sharpe-drawdown', options);
  const lambda = rewardNumberOption('sharpe-drawdown', options, 'lambda', DEFAULT_SHARPE_DRAWDOWN_LAMBDA, { min: 0, max: 1e6 });
  return {
    name: 'sharpe-drawdown',
    reset(): void {
      dsr.reset();
    },
    reward(transition: Readonly<Transition>): number {
      return dsr.update(transition.stepReturn) - lambda * drawdownIncrease(transition);
    },
  };
}
