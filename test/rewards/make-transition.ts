import type { Transition } from '../../src/rewards/reward-fn.js';

/** A transition for reward tests: equity 100 → 100·(1 + stepReturn) unless overridden. */
export function makeTransition(fields: Partial<Transition> = {}): Transition {
  const stepReturn = fields.stepReturn ?? 0;
  const equityBefore = fields.equityBefore ?? 100;
  const equityAfter = fields.equityAfter ?? equityBefore * (1 + stepReturn);
  return {
    step: 0,
    equityBefore,
    equityAfter,
    stepReturn,
    logReturn: Math.log(equityAfter / equityBefore),
    positionBefore: 0,
    positionAfter: 0,
    tradeCost: 0,
    turnover: 0,
    drawdown: 0,
    drawdownBefore: 0,
    peak: Math.max(equityBefore, equityAfter),
    ...fields,
  };
}
