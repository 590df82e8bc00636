import type { RewardFn, Transition } from './reward-fn.js';
import { assertKnownRewardOptions, rewardNumberOption, type RewardOptions } from './reward-options.js';

/** Default adaptation rate η of the moving moments (≈ a 100-step memory). */
export const DEFAULT_DSR_ETA = 0.01;

/**
 * Default variance floor: while B − A² ≤ this, the ratio is undefined (or dominated by rounding)
 * and the reward is 0. 1e-12 (a return standard deviation of 1e-6) is far below any real bar's.
 */
export const DEFAULT_DSR_MIN_VARIANCE = 1e-12;

/**
 * Online differential Sharpe ratio (Moody & Saffell 2001, "Learning to trade via direct
 * reinforcement", IEEE TNN 12(4)), a plain-number state machine:
 *
 *   A_t = A_{t−1} + η (R_t − A_{t−1}),   B_t = B_{t−1} + η (R_t² − B_{t−1})
 *   D_t = (B_{t−1} ΔA_t − ½ A_{t−1} ΔB_t) / (B_{t−1} − A_{t−1}²)^{3/2}
 *
 * with A_0 = B_0 = 0. Fallback: while the previous variance estimate B_{t−1} − A_{t−1}² is
 * ≤ `minVariance` (always the first step, and any stretch of identical zero returns) D_t is 0;
 * A and B are still updated. The result is always finite.
 */
export class DifferentialSharpeRatio {
  /** EMA of returns. */
  a = 0;
  /** EMA of squared returns. */
  b = 0;

  constructor(
    readonly eta: number = DEFAULT_DSR_ETA,
    readonly minVariance: number = DEFAULT_DSR_MIN_VARIANCE,
  ) {}

  /** Back to A = B = 0. */
  reset(): void {
    this.a = 0;
    this.b = 0;
  }

  /** Feeds return R_t and returns D_t (0 while the variance estimate is not above the floor). */
  update(r: number): number {
    const a = this.a;
    const b = this.b;
    const deltaA = this.eta * (r - a);
    const deltaB = this.eta * (r * r - b);
    this.a = a + deltaA;
    this.b = b + deltaB;
    const variance = b - a * a;
    if (!(variance > this.minVariance)) return 0;
    const d = (b * deltaA - 0.5 * a * deltaB) / (variance * Math.sqrt(variance));
    return d - d === 0 ? d : 0;
  }
}

/**
 * `differential-sharpe`: the reward is D_t of {@link DifferentialSharpeRatio} fed with the step's
 * simple return R_t = equity_{t+1} / equity_t − 1 (net of all costs), as in Moody & Saffell,
 * whose R_t are simple trading returns. Options: `eta` ∈ (0, 1) (default 0.01),
 * `minVariance` ≥ 0 (default 1e-12). With daily bars (σ ≈ 1 %) and η = 0.01, D_t ≈ η·R_t/σ ≈ R_t.
 */
export function differentialSharpe(options?: RewardOptions): RewardFn {
  assertKnownRewardOptions('differential-sharpe', options, ['eta', 'minVariance']);
  const dsr = createDsrState('differential-sharpe', options);
  return {
    name: 'differential-sharpe',
    reset(): void {
      dsr.reset();
    },
    reward(transition: Readonly<Transition>): number {
      return dsr.update(transition.stepReturn);
    },
  };
}

/** Reads `eta` and `minVariance` from reward options into a fresh {@link DifferentialSharpeRatio}. */
export function createDsrState(rewardName: string, options: RewardOptions): DifferentialSharpeRatio {
  const eta = rewardNumberOption(rewardName, options, 'eta', DEFAULT_DSR_ETA, { min: 0, max: 1, exclusive: true });
  const minVariance = rewardNumberOption(rewardName, options, 'minVariance', DEFAULT_DSR_MIN_VARIANCE, { min: 0, max: 1 });
  return new DifferentialSharpeRatio(eta, minVariance);
}
