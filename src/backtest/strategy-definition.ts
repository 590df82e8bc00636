import type { TSchema } from 'typebox';
import type { Strategy } from './strategy.js';

/**
 * A named, parameterised rule strategy as specs and the CLI refer to it
 * (`{ "name": "sma-crossover", "params": { "fast": 10, "slow": 30 } }`).
 */
export interface StrategyDefinition {
  /** Registry id, e.g. "sma-crossover". */
  readonly name: string;
  /** One line for `--help` and error messages. */
  readonly description: string;
  /** TypeBox schema of the params object (validated with field paths). */
  readonly paramsSchema: TSchema;
  /** Parameters used for fields the user leaves out. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /**
   * Validates raw params (JSON from a spec or `--params`), fills defaults and builds a
   * fresh strategy. Throws `E_BAD_CONFIG` naming the offending fields.
   * @param where names the input in errors, e.g. "backtests/demo.json strategies[1].params".
   */
  create(params: unknown, where?: string): Strategy;
}
