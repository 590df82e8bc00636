import { TradegymError } from '../src/core/errors.js';
import { CartPoleEnv, type CartPoleOptions } from './cartpole.js';
import { TradingEnv } from './trading-env.js';
import type { TradingEnvOptions } from './trading-env-config.js';

/** Options accepted by each registered env id. */
export interface EnvOptionsById {
  'CartPole-v1': CartPoleOptions;
  'TradingEnv-v0': TradingEnvOptions;
}

/** The env class each id builds. */
export interface EnvById {
  'CartPole-v1': CartPoleEnv;
  'TradingEnv-v0': TradingEnv;
}

/** A registered env id (gymnasium-style `Name-vN`). */
export type EnvId = keyof EnvOptionsById;

/** Every TradingEnvOptions key; `satisfies` makes a key added to the interface a compile error here. */
const TRADING_ENV_OPTION_KEYS = Object.keys({
  bars: true, features: true, actionLevels: true, costs: true, reward: true, initialCash: true, episodeLength: true,
  mode: true, range: true, includeAccountFeatures: true, drawdownLimit: true, sizing: true, seed: true,
} satisfies Record<keyof TradingEnvOptions, true>);

type Builders = { [Id in EnvId]: (options: Record<string, unknown>) => EnvById[Id] };

const BUILDERS: Builders = {
  'CartPole-v1': (options) => {
    checkOptionKeys('CartPole-v1', options, ['seed', 'maxEpisodeSteps']);
    checkInteger('CartPole-v1', options, 'seed', -Infinity);
    checkInteger('CartPole-v1', options, 'maxEpisodeSteps', 1);
    return new CartPoleEnv(options as CartPoleOptions);
  },
  'TradingEnv-v0': (options) => {
    checkOptionKeys('TradingEnv-v0', options, TRADING_ENV_OPTION_KEYS);
    for (const key of ['bars', 'features', 'mode']) {
      if (options[key] === undefined) {
        throw new TradegymError('E_BAD_CONFIG', `TradingEnv-v0 needs option "${key}" (bars, features and mode are required).`, { column: key });
      }
    }
    // The remaining values are checked by TradingEnv itself (resolveTradingEnvBounds).
    return new TradingEnv(options as unknown as TradingEnvOptions);
  },
};

/** The registered ids, for listings and error messages. */
export function envIds(): EnvId[] {
  return Object.keys(BUILDERS) as EnvId[];
}

/**
 * Builds a registered env by id (like gymnasium's `make`). Options may come from JSON or CLI
 * flags, so they are checked here: unknown keys or wrong types fail with `E_BAD_CONFIG`; an
 * unknown id fails with `E_BAD_ARGUMENT` listing the known ids.
 */
export function makeEnv<Id extends EnvId>(id: Id, options?: EnvOptionsById[Id]): EnvById[Id];
export function makeEnv(id: string, options?: Record<string, unknown>): EnvById[EnvId];
export function makeEnv(id: string, options: object = {}): EnvById[EnvId] {
  if (!Object.hasOwn(BUILDERS, id)) {
    throw new TradegymError('E_BAD_ARGUMENT', `Unknown env id "${id}"; registered ids: ${envIds().join(', ')}.`, { value: id });
  }
  return BUILDERS[id as EnvId](options as Record<string, unknown>);
}

function checkOptionKeys(id: string, options: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TradegymError('E_BAD_CONFIG', `${id} has no option "${key}"; allowed options: ${allowed.join(', ')}.`, { column: key });
    }
  }
}

function checkInteger(id: string, options: Record<string, unknown>, key: string, min: number): void {
  const value = options[key];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const expected = min === -Infinity ? 'an integer' : `an integer ≥ ${min}`;
    throw new TradegymError('E_BAD_CONFIG', `${id} option "${key}" is ${String(value)}; expected ${expected}.`, {
      column: key,
      value: String(value),
    });
  }
}
