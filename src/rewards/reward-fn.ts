/**
 * One step of the simulation as a reward function sees it (step t → t+1).
 * Exposures are signed fractions of equity; money is in account currency.
 */
export interface Transition {
  /** Step index within the episode, 0-based. */
  step: number;
  /** Equity at the close of bar t (before the step). */
  equityBefore: number;
  /** Equity at the close of bar t+1 (after fill and mark to market). */
  equityAfter: number;
  /** Simple return of equity over the step: equityAfter / equityBefore − 1. */
  stepReturn: number;
  /** Log return of equity over the step: ln(equityAfter / equityBefore). */
  logReturn: number;
  /** Exposure held before the fill, fraction of equity. */
  positionBefore: number;
  /** Exposure held after the fill, fraction of equity. */
  positionAfter: number;
  /** Commission + slippage + borrow paid this step, currency. */
  tradeCost: number;
  /** Traded value this step divided by equityBefore. */
  turnover: number;
  /** Drawdown after the step, a fraction in [0, 1]: 1 − equityAfter / peak. */
  drawdown: number;
  /** Drawdown before the step. */
  drawdownBefore: number;
  /** Running peak of equity after the step. */
  peak: number;
}

/** A stateful reward: `reset()` at episode start, `reward()` once per step. */
export interface RewardFn {
  readonly name: string;
  reset(): void;
  /** The reward for one transition; must be finite. */
  reward(transition: Readonly<Transition>): number;
}

/** Builds a fresh RewardFn from an options object (JSON-compatible). */
export type RewardFactory = (options?: Record<string, unknown>) => RewardFn;
