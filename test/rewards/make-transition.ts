import type { Transition } from '../../src/rewards/reward-fn.js';
import { createTransition } from '../../envs/write-transition.js';

/** A transition for reward tests: equity 100 → 100·(1 + stepReturn) unless overridden, other fields zero. */
export function makeTransition(fields: Partial<Transition> = {}): Transition {
  const stepReturn = fields.stepReturn ?? 0;
  const equityBefore = fields.equityBefore ?? 100;
  const equityAfter = fields.equityAfter ?? equityBefore * (1 + stepReturn);
  return {
    ...createTransition(),
    equityBefore,
    equityAfter,
    stepReturn,
    logReturn: Math.log(equityAfter / equityBefore),
    peak: Math.max(equityBefore, equityAfter),
    ...fields,
  };
}
