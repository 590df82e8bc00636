import Type from 'typebox';
import { longFlatLevels } from '../src/backtest/long-flat-levels.js';
import { resolveStrategyParams } from '../src/backtest/resolve-strategy-params.js';
import type { Strategy, StrategySetup } from '../src/backtest/strategy.js';
import type { StrategyDefinition } from '../src/backtest/strategy-definition.js';

/**
 * Buy & hold: targets the "all in" level (exposure 1, or the nearest level; see
 * `longFlatLevels`) from the first decision on, so it buys at the second bar's open of
 * the range and holds to the end. The baseline every other strategy is compared with.
 */
export function buyAndHold(): Strategy {
  let long = -1;
  return {
    name: 'buy-and-hold',
    needsFeatures: false,
    prepare(setup: StrategySetup): void {
      long = longFlatLevels(setup.actionLevels, 'buy-and-hold').long;
    },
    decide(): number {
      return long;
    },
  };
}

const paramsSchema = Type.Object({}, { additionalProperties: false });

/** Registry entry of {@link buyAndHold} (takes no params). */
export const BUY_AND_HOLD: StrategyDefinition = {
  name: 'buy-and-hold',
  description: 'all in from the first bar, held to the end',
  paramsSchema,
  defaults: {},
  create(params, where = 'buy-and-hold params') {
    resolveStrategyParams(paramsSchema, {}, params, where);
    return buyAndHold();
  },
};
