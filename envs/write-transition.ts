import type { Portfolio } from '../src/market/portfolio.js';
import type { Transition } from '../src/rewards/reward-fn.js';

/**
 * Smallest equity ratio used for `logReturn`: a step that wipes out the account (equity ≤ 0)
 * reports ln(1e-6) ≈ −13.8 instead of −∞/NaN, so rewards stay finite; `stepReturn` is not floored
 * (it may be below −1 when equity goes negative).
 */
export const MIN_EQUITY_RATIO = 1e-6;

/**
 * Completes `tr` in place from the portfolio after `rebalance` + `markToMarket`. The caller has
 * already set `step`, `equityBefore`, `positionBefore` and `drawdownBefore`. `positionAfter` is the
 * exposure at the new close; `turnover` = traded value / equityBefore; `tradeCost` = commission +
 * slippage + borrow. Allocates nothing.
 */
export function writeTransition(tr: Transition, p: Portfolio): void {
  const f = p.fill;
  const before = tr.equityBefore;
  const after = p.equity;
  const ratio = after / before;
  tr.equityAfter = after;
  tr.stepReturn = ratio - 1;
  tr.logReturn = Math.log(ratio > MIN_EQUITY_RATIO ? ratio : MIN_EQUITY_RATIO);
  tr.positionAfter = p.exposure;
  tr.tradeCost = f.commission + f.slippage + f.borrow;
  tr.turnover = f.tradedValue / before;
  tr.drawdown = p.drawdown;
  tr.peak = p.peak;
}

/** A zeroed transition to be reused step after step. */
export function createTransition(): Transition {
  return {
    step: 0,
    equityBefore: 0,
    equityAfter: 0,
    stepReturn: 0,
    logReturn: 0,
    positionBefore: 0,
    positionAfter: 0,
    tradeCost: 0,
    turnover: 0,
    drawdown: 0,
    drawdownBefore: 0,
    peak: 0,
  };
}
