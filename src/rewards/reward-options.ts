import { TradegymError } from '../core/errors.js';

/** Options object of a reward factory (parsed JSON, e.g. from `--reward-options`). */
export type RewardOptions = Readonly<Record<string, unknown>> | undefined;

/**
 * Rejects option keys a built-in reward does not know, so a typo (`etta`) fails loudly
 * instead of silently running with the default.
 * @throws TradegymError `E_BAD_CONFIG` naming the key and the valid ones.
 */
export function assertKnownRewardOptions(rewardName: string, options: RewardOptions, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TradegymError('E_BAD_CONFIG', `Options of reward "${rewardName}" must be a JSON object, got ${JSON.stringify(options)}.`, {
      column: 'rewardOptions',
    });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const valid = known.length > 0 ? known.join(', ') : 'none';
      throw new TradegymError('E_BAD_CONFIG', `Reward "${rewardName}" has no option "${key}"; valid options: ${valid}.`, {
        column: `rewardOptions.${key}`,
      });
    }
  }
}

/**
 * Reads a numeric option, falling back to `fallback` when absent, and checks it lies in
 * [min, max] (bounds inclusive unless `exclusive`).
 * @throws TradegymError `E_BAD_CONFIG` with the expected range.
 */
export function rewardNumberOption(
  rewardName: string,
  options: RewardOptions,
  key: string,
  fallback: number,
  range: { min: number; max: number; exclusive?: boolean },
): number {
  const value = options?.[key] ?? fallback;
  const { min, max, exclusive = false } = range;
  const inside = typeof value === 'number' && Number.isFinite(value) && (exclusive ? value > min && value < max : value >= min && value <= max);
  if (!inside) {
    const interval = exclusive ? `(${min}, ${max})` : `[${min}, ${max}]`;
    throw new TradegymError('E_BAD_CONFIG', `Reward "${rewardName}" option ${key} is ${JSON.stringify(value)}; expected a number in ${interval}.`, {
      column: `rewardOptions.${key}`,
      value: String(value),
    });
  }
  return value;
}
