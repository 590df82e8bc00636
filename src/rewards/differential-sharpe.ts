import type { RewardFn, Transition } from './reward-fn.js';
import { assertKnownRewardOptions, rewardNumberOption, type RewardOptions } from './reward-options.js';

/** Default adaptation rate η of the moving moments (≈ a 100-step memory). */
export const DEFAULT_DSR_ETA = 0.01;

/**
 * Default prior variance of one bar's simple return, (1 %)² — a daily bar of a liquid asset.
 * Set it to your bar's typical squared return; σ scales with √(bar length), so a 1 %-a-day asset
 * has ≈ (1 %)²/6.5 ≈ 1.5e-5 on hourly equity bars and ≈ (1 %)²/390 ≈ 2.6e-7 on minute bars.
 */
export const DEFAULT_DSR_PRIOR_VARIANCE = 1e-4;

/** Default floor of the variance in the denominator, (0.01 %)²: far below any real bar's σ². */
export const DEFAULT_DSR_MIN_VARIANCE = 1e-8;

/** Options every reward built on {@link DifferentialSharpeRatio} accepts (see `createDsrState`). */
export const DSR_OPTION_KEYS: readonly string[] = ['eta', 'priorVariance', 'minVariance'];

/** Settings of {@link DifferentialSharpeRatio}; defaults are the `DEFAULT_DSR_*` constants. */
export interface DsrSettings {
  /** Adaptation rate η ∈ (0, 1). */
  eta?: number;
  /** B_0, the prior variance of one bar's return, ≥ 0. */
  priorVariance?: number;
  /** Floor of B − A² in the denominator, > 0. */
  minVariance?: number;
}

/**
 * Online differential Sharpe ratio (Moody & Saffell 2001, "Learning to trade via direct
 * reinforcement", IEEE TNN 12(4)), a plain-number state machine:
 *
 *   A_t = A_{t−1} + η (R_t − A_{t−1}),   B_t = B_{t−1} + η (R_t² − B_{t−1})
 *   D_t = (B_{t−1} ΔA_t − ½ A_{t−1} ΔB_t) / max(B_{t−1} − A_{t−1}², minVariance)^{3/2}
 *
 * Initial state A_0 = 0, B_0 = `priorVariance` (the paper's A_0 = B_0 = 0 divides by a variance
 * estimate that is ~0 at episode start and after flat stretches — no position, returns exactly 0
 * or a tiny cost — where one step's D reached ~10–600 against a typical 0.01, and the term
 * −½ A ΔB paid a positive reward for *any* large move after a cost; PPO exploited that on a
 * random walk). The prior's weight decays as (1 − η)^t, so after ~1/η steps B is the data's.
 *
 * The floor replaces a 0-fallback: a threshold that returns 0 below it makes D jump from 0 to
 * its most extreme values exactly when the estimate crosses the threshold, while a floor keeps D
 * continuous and bounded: with A ≈ 0 (a flat stretch), |D| ≤ η |R| / √minVariance (1 for a 1 %
 * return with the defaults). It binds only after ~900 flat steps with the default prior, or with
 * `priorVariance: 0`, whose first step is D = 0 because its numerator is 0. A non-finite result
 * (overflow on absurd returns) is reported as 0.
 */
export class DifferentialSharpeRatio {
  readonly eta: number;
  readonly priorVariance: number;
  readonly minVariance: number;
  /** EMA of returns. */
  a = 0;
  /** EMA of squared returns. */
  b: number;

  constructor(settings: DsrSettings = {}) {
    this.eta = settings.eta ?? DEFAULT_DSR_ETA;
    this.priorVariance = settings.priorVariance ?? DEFAULT_DSR_PRIOR_VARIANCE;
    this.minVariance = settings.minVariance ?? DEFAULT_DSR_MIN_VARIANCE;
    this.b = this.priorVariance;
  }

  /** Back to A = 0, B = priorVariance. */
  reset(): void {
    this.a = 0;
    this.b = this.priorVariance;
  }

  /** Feeds return R_t and returns D_t. */
  update(r: number): number {
    const a = this.a;
    const b = this.b;
    const deltaA = this.eta * (r - a);
    const deltaB = this.eta * (r * r - b);
    this.a = a + deltaA;
    this.b = b + deltaB;
    const variance = Math.max(b - a * a, this.minVariance);
    const d = (b * deltaA - 0.5 * a * deltaB) / (variance * Math.sqrt(variance));
    return d - d === 0 ? d : 0;
  }
}

/**
 * `differential-sharpe`: the reward is D_t of {@link DifferentialSharpeRatio} fed with the step's
 * simple return R_t = equity_{t+1} / equity_t − 1 (net of all costs), as in Moody & Saffell,
 * whose R_t are simple trading returns. Options: `eta` ∈ (0, 1) (default 0.01), `priorVariance`
 * ∈ [0, 1] (default 1e-4 = (1 %)², a daily bar: set it to your bar's typical squared return, e.g.
 * ~1.5e-5 for hourly and ~2.6e-7 for minute equity bars), `minVariance` ∈ (0, 1) (default 1e-8,
 * σ = 0.01 %; lower it for bars whose σ comes near that, e.g. second bars).
 * With σ ≈ 1 % and η = 0.01, D_t ≈ η·R_t/σ ≈ R_t.
 */
export function differentialSharpe(options?: RewardOptions): RewardFn {
  assertKnownRewardOptions('differential-sharpe', options, DSR_OPTION_KEYS);
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

/** Reads {@link DSR_OPTION_KEYS} from reward options into a fresh {@link DifferentialSharpeRatio}. */
export function createDsrState(rewardName: string, options: RewardOptions): DifferentialSharpeRatio {
  return new DifferentialSharpeRatio({
    eta: rewardNumberOption(rewardName, options, 'eta', DEFAULT_DSR_ETA, { min: 0, max: 1, exclusive: true }),
    priorVariance: rewardNumberOption(rewardName, options, 'priorVariance', DEFAULT_DSR_PRIOR_VARIANCE, { min: 0, max: 1 }),
    minVariance: rewardNumberOption(rewardName, options, 'minVariance', DEFAULT_DSR_MIN_VARIANCE, { min: 0, max: 1, exclusive: true }),
  });
}
