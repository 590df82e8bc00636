import { type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Settings } from 'typebox/system';
import { TradegymError } from '../core/errors.js';
import { schemaErrorMessages } from './schema-errors.js';

const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();

/** Errors gathered per invalid value (TypeBox buffers 8 by default; user files deserve the full list). */
const MAX_REPORTED_ERRORS = 100;

/**
 * Checks `value` against a TypeBox schema (compiled once per schema and cached) and
 * returns it typed, or throws `E_BAD_CONFIG` listing every problem with its field path,
 * the expected type or values, and what was found.
 *
 * @param what names the input in the message, e.g. "backtest spec backtests/demo.json".
 * @param file recorded in the error location when the value came from a file.
 */
export function validateWithSchema<T extends TSchema>(schema: T, value: unknown, what: string, file?: string): Static<T> {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  if (validator.Check(value)) return value as Static<T>;
  const problems = schemaErrorMessages(schema, collectErrors(validator, value), value);
  throw new TradegymError(
    'E_BAD_CONFIG',
    `${what} is invalid:\n  - ${problems.join('\n  - ')}`,
    file === undefined ? {} : { file },
  );
}

/** All errors up to {@link MAX_REPORTED_ERRORS}; the global TypeBox limit is restored afterwards. */
function collectErrors(validator: ReturnType<typeof Compile>, value: unknown): ReturnType<ReturnType<typeof Compile>['Errors']> {
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: MAX_REPORTED_ERRORS });
  try {
    return validator.Errors(value);
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}
