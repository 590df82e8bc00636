import type { Static, TSchema } from 'typebox';
import { TradegymError } from '../core/errors.js';
import { validateWithSchema } from './validate-with-schema.js';

/**
 * Fills a strategy's defaults into user-given params and validates the result against the
 * strategy's TypeBox schema (unknown fields, wrong types and out-of-range values are errors
 * that name the field). `raw` undefined means "all defaults".
 *
 * @param where names the input in errors, e.g. `sma-crossover params (backtests/demo.json strategies[1].params)`.
 */
export function resolveStrategyParams<T extends TSchema>(
  schema: T,
  defaults: Readonly<Record<string, unknown>>,
  raw: unknown,
  where: string,
): Static<T> {
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    throw new TradegymError('E_BAD_CONFIG', `${where} must be a JSON object such as ${JSON.stringify(defaults)}, got ${JSON.stringify(raw)}`);
  }
  return validateWithSchema(schema, { ...defaults, ...(raw as object | undefined) }, where);
}
