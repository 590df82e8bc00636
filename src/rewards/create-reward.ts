import { extname } from 'node:path';
import { TradegymError } from '../core/errors.js';
import { loadRewardModule, REWARD_MODULE_EXTENSIONS } from './load-reward-module.js';
import type { RewardFn } from './reward-fn.js';
import { BUILTIN_REWARD_NAMES, createBuiltinReward, DEFAULT_REWARD_NAME, isBuiltinRewardName } from './reward-registry.js';

/**
 * Builds the reward a user named: a built-in name (`log-return`, `differential-sharpe`,
 * `drawdown-penalty`, `sharpe-drawdown`) or a path to a reward module (anything containing a
 * path separator or ending in a module extension, e.g. `./my-reward.ts`). Always guarded
 * against throws and non-finite values.
 * @throws TradegymError `E_BAD_CONFIG` for an unknown name or bad built-in options,
 *   `E_REWARD_MODULE` for a module that cannot be loaded (see `loadRewardModule`).
 */
export async function createReward(nameOrPath: string = DEFAULT_REWARD_NAME, options?: Record<string, unknown>): Promise<RewardFn> {
  if (isBuiltinRewardName(nameOrPath)) return createBuiltinReward(nameOrPath, options);
  if (looksLikeModulePath(nameOrPath)) return loadRewardModule(nameOrPath, options ?? {});
  throw new TradegymError(
    'E_BAD_CONFIG',
    `Unknown reward "${nameOrPath}"; use a built-in (${BUILTIN_REWARD_NAMES.join(', ')}) or a path to a module such as ./my-reward.ts.`,
    { column: 'reward', value: nameOrPath },
  );
}

/** True when `value` names a file rather than a built-in reward. */
export function looksLikeModulePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || REWARD_MODULE_EXTENSIONS.includes(extname(value).toLowerCase());
}
