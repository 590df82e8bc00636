import { TradegymError } from '../src/core/errors.js';
import type { Strategy } from '../src/backtest/strategy.js';
import type { StrategyDefinition } from '../src/backtest/strategy-definition.js';
import { BUY_AND_HOLD } from './buy-and-hold.js';
import { RSI_MEAN_REVERSION } from './rsi-mean-reversion.js';
import { SMA_CROSSOVER } from './sma-crossover.js';

/** Every built-in rule strategy, by registry name (specs, `--strategy`, the dashboard). */
export const RULE_STRATEGIES: readonly StrategyDefinition[] = [BUY_AND_HOLD, SMA_CROSSOVER, RSI_MEAN_REVERSION];

/**
 * Builds the rule strategy `name` with validated `params` (defaults fill missing fields).
 * Unknown names fail with `E_BAD_CONFIG` listing the valid ones.
 * @param where names the input in errors, e.g. "backtests/demo.json strategies[1]".
 */
export function createRuleStrategy(name: string, params: unknown, where = 'strategy'): Strategy {
  const definition = RULE_STRATEGIES.find((d) => d.name === name);
  if (definition === undefined) {
    const valid = RULE_STRATEGIES.map((d) => d.name).join(', ');
    throw new TradegymError(
      'E_BAD_CONFIG',
      `${where}: unknown strategy "${name}"; valid names: ${valid} (or a checkpoint directory for a policy)`,
      { value: name },
    );
  }
  return definition.create(params, `${where} ${name} params`);
}
