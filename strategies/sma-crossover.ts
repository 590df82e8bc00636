import Type from 'typebox';
import { TradegymError } from '../src/core/errors.js';
import { longFlatLevels } from '../src/backtest/long-flat-levels.js';
import { resolveStrategyParams } from '../src/backtest/resolve-strategy-params.js';
import type { Strategy, StrategySetup } from '../src/backtest/strategy.js';
import type { StrategyContext } from '../src/backtest/strategy-context.js';
import type { StrategyDefinition } from '../src/backtest/strategy-definition.js';
import { RollingSum } from './rolling-sum.js';

/** Parameters of {@link smaCrossover}: window lengths in bars, `fast < slow`. */
export interface SmaCrossoverParams {
  readonly fast: number;
  readonly slow: number;
}

/**
 * Long-only SMA crossover on closes. With d(t) = SMA_fast(t) − SMA_slow(t):
 * a cross up at t is d(t) > 0 while the last non-zero d before t was negative (so a run
 * of equal SMAs between them does not hide the cross); a cross down is the mirror image.
 * All in (level nearest 1) on a cross up, flat (level nearest 0) on a cross down, else the
 * previous target is held. Starts flat; a trend already under way when the range starts
 * is entered at the next cross up (as backtrader's CrossOver does). Crosses before the
 * range still set the "last non-zero d". Incremental: O(1) per bar.
 */
export function smaCrossover(params: SmaCrossoverParams): Strategy {
  const { fast, slow } = params;
  if (!(Number.isInteger(fast) && Number.isInteger(slow) && fast >= 1 && fast < slow)) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `sma-crossover needs integer windows with 1 ≤ fast < slow, got fast = ${fast} and slow = ${slow}; e.g. {"fast": 10, "slow": 30}`,
    );
  }
  const fastSum = new RollingSum(fast);
  const slowSum = new RollingSum(slow);
  let flat = 0;
  let long = 0;
  let target = 0;
  let lastSign = 0;
  let lastT = -2;
  return {
    name: `sma-crossover(${fast},${slow})`,
    needsFeatures: false,
    prepare(setup: StrategySetup): void {
      ({ flat, long } = longFlatLevels(setup.actionLevels, 'sma-crossover'));
      target = flat;
      lastT = -2;
    },
    decide(ctx: StrategyContext): number {
      const t = ctx.barIndex;
      if (t < slow - 1) return target;
      if (t !== lastT + 1 || lastT < slow - 1) {
        fastSum.fill(ctx, t);
        slowSum.fill(ctx, t);
        lastSign = lastNonZeroSignBefore(ctx, t, fastSum.sum, slowSum.sum, fast, slow);
      } else {
        fastSum.advance(ctx, t);
        slowSum.advance(ctx, t);
      }
      lastT = t;
      const d = fastSum.sum / fast - slowSum.sum / slow;
      if (d > 0 && lastSign < 0) target = long;
      else if (d < 0 && lastSign > 0) target = flat;
      if (d !== 0) lastSign = d > 0 ? 1 : -1;
      return target;
    },
  };
}

/**
 * Sign of the last non-zero d before t, walking back from t − 1 while both SMAs are
 * defined (0 when there is none). `fastSum`/`slowSum` are the window sums ending at t.
 */
function lastNonZeroSignBefore(ctx: StrategyContext, t: number, fastSum: number, slowSum: number, fast: number, slow: number): number {
  for (let u = t - 1; u >= slow - 1; u--) {
    fastSum += ctx.close(u - fast + 1) - ctx.close(u + 1);
    slowSum += ctx.close(u - slow + 1) - ctx.close(u + 1);
    const d = fastSum / fast - slowSum / slow;
    if (d !== 0) return d > 0 ? 1 : -1;
  }
  return 0;
}

const paramsSchema = Type.Object(
  {
    fast: Type.Integer({ minimum: 1, description: 'fast SMA window, bars' }),
    slow: Type.Integer({ minimum: 2, description: 'slow SMA window, bars' }),
  },
  { additionalProperties: false },
);

const defaults = { fast: 10, slow: 30 };

/** Registry entry of {@link smaCrossover}; defaults fast 10, slow 30. */
export const SMA_CROSSOVER: StrategyDefinition = {
  name: 'sma-crossover',
  description: 'long-only SMA crossover: all in on a cross up, flat on a cross down (params fast, slow)',
  paramsSchema,
  defaults,
  create(params, where = 'sma-crossover params') {
    return smaCrossover(resolveStrategyParams(paramsSchema, defaults, params, where));
  },
};
