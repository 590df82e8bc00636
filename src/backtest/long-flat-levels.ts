import { TradegymError } from '../core/errors.js';

/** Indices of the "flat" and "all in" action levels a long-only rule strategy uses. */
export interface LongFlatLevels {
  /** Index of the level nearest to exposure 0. */
  readonly flat: number;
  /** Index of the level nearest to exposure 1 (all in). */
  readonly long: number;
}

/**
 * Index of the level nearest to `exposure`; on a tie the level with the smaller absolute
 * exposure wins (the conservative choice), then the lower index.
 */
export function nearestLevelIndex(levels: readonly number[], exposure: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const distance = Math.abs(level - exposure);
    const tieBreak = distance === bestDistance && Math.abs(level) < Math.abs(levels[best]!);
    if (distance < bestDistance || tieBreak) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Maps "flat" (exposure 0) and "all in" (exposure 1) onto the given action levels.
 * With the default levels `[-1, -0.5, 0, 0.5, 1]` or long-only `[0, 0.5, 1]` both exist
 * exactly; otherwise the nearest levels are used (e.g. `[0, 0.5]` makes "all in" 0.5).
 * Throws when no level is more long than the flat one, because a long-only rule strategy
 * could then never enter.
 */
export function longFlatLevels(levels: readonly number[], strategyName: string): LongFlatLevels {
  if (levels.length === 0) {
    throw new TradegymError('E_BAD_CONFIG', `${strategyName}: the action levels are empty; give at least a flat (0) and a long (1) level`);
  }
  const flat = nearestLevelIndex(levels, 0);
  const long = nearestLevelIndex(levels, 1);
  if (!(levels[long]! > levels[flat]!)) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `${strategyName} is long-only but the action levels [${levels.join(', ')}] have no level above the flat one ` +
        `(${levels[flat]}); include 0 and 1, e.g. [-1, -0.5, 0, 0.5, 1] or [0, 0.5, 1]`,
    );
  }
  return { flat, long };
}
