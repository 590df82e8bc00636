import Type from 'typebox';
import { TradegymError } from '../src/core/errors.js';
import { longFlatLevels } from '../src/backtest/long-flat-levels.js';
import { resolveStrategyParams } from '../src/backtest/resolve-strategy-params.js';
import type { Strategy, StrategySetup } from '../src/backtest/strategy.js';
import type { StrategyContext } from '../src/backtest/strategy-context.js';
import type { StrategyDefinition } from '../src/backtest/strategy-definition.js';
import { WilderRsi } from './wilder-rsi.js';

/** Parameters of {@link rsiMeanReversion}: RSI window in bars and thresholds in RSI points. */
export interface RsiMeanReversionParams {
  readonly period: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Long-only RSI mean reversion on closes: all in (level nearest 1) when RSI(t) < lower
 * (oversold), flat (level nearest 0) when RSI(t) > upper (overbought), otherwise the
 * previous target is held. Starts flat; no decision until RSI is defined (t ≥ period).
 * RSI is Wilder's ({@link WilderRsi}) over all closes from bar 0, so the range start does
 * not change its value. Incremental: O(1) per bar after the first decision.
 */
export function rsiMeanReversion(params: RsiMeanReversionParams): Strategy {
  const { period, lower, upper } = params;
  if (!(Number.isInteger(period) && period >= 2 && lower > 0 && lower < upper && upper < 100)) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `rsi-mean-reversion needs an integer period ≥ 2 and 0 < lower < upper < 100, got period = ${period}, ` +
        `lower = ${lower}, upper = ${upper}; e.g. {"period": 14, "lower": 30, "upper": 70}`,
    );
  }
  const rsi = new WilderRsi(period);
  let flat = 0;
  let long = 0;
  let target = 0;
  let lastT = -2;
  return {
    name: `rsi-mean-reversion(${period},${lower},${upper})`,
    needsFeatures: false,
    prepare(setup: StrategySetup): void {
      ({ flat, long } = longFlatLevels(setup.actionLevels, 'rsi-mean-reversion'));
      target = flat;
      lastT = -2;
    },
    decide(ctx: StrategyContext): number {
      const t = ctx.barIndex;
      if (t === lastT + 1 && t > 0) {
        rsi.update(ctx.close(t) - ctx.close(t - 1));
      } else {
        rsi.reset();
        for (let i = 1; i <= t; i++) rsi.update(ctx.close(i) - ctx.close(i - 1));
      }
      lastT = t;
      if (!rsi.ready) return target;
      const value = rsi.value;
      if (value < lower) target = long;
      else if (value > upper) target = flat;
      return target;
    },
  };
}

const paramsSchema = Type.Object(
  {
    period: Type.Integer({ minimum: 2, description: 'RSI window, bars' }),
    lower: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, description: 'buy below this RSI' }),
    upper: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100, description: 'sell above this RSI' }),
  },
  { additionalProperties: false },
);

const defaults = { period: 14, lower: 30, upper: 70 };

/** Registry entry of {@link rsiMeanReversion}; defaults period 14, lower 30, upper 70. */
export const RSI_MEAN_REVERSION: StrategyDefinition = {
  name: 'rsi-mean-reversion',
  description: 'long-only RSI mean reversion: all in below lower, flat above upper (params period, lower, upper)',
  paramsSchema,
  defaults,
  create(params, where = 'rsi-mean-reversion params') {
    return rsiMeanReversion(resolveStrategyParams(paramsSchema, defaults, params, where));
  },
};
