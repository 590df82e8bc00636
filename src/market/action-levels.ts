import { TradegymError } from '../core/errors.js';

/** Default target exposures (fraction of equity) for `Discrete(5)`: full short … full long. */
export const DEFAULT_ACTION_LEVELS: readonly number[] = Object.freeze([-1, -0.5, 0, 0.5, 1]);

/** Long-only target exposures (no shorting, no leverage). */
export const LONG_ONLY_ACTION_LEVELS: readonly number[] = Object.freeze([0, 0.25, 0.5, 0.75, 1]);

/** Largest allowed |target exposure| (10× leverage); beyond it cost-aware sizing is not well-defined. */
export const MAX_ABS_EXPOSURE = 10;

/**
 * Validates target-exposure levels (signed fractions of equity; action i ↦ levels[i])
 * and returns them as a fresh `Float64Array` for the hot path.
 * Requires a non-empty list of distinct finite numbers with |level| ≤ {@link MAX_ABS_EXPOSURE}.
 * @throws TradegymError `E_BAD_CONFIG` naming the offending entry and the fix.
 */
export function validateActionLevels(levels: readonly number[] = DEFAULT_ACTION_LEVELS): Float64Array {
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      'actionLevels must be a non-empty array of target exposures, e.g. [-1, -0.5, 0, 0.5, 1] or long-only [0, 0.25, 0.5, 0.75, 1].',
      { column: 'actionLevels' },
    );
  }
  const out = new Float64Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (typeof level !== 'number' || !Number.isFinite(level) || Math.abs(level) > MAX_ABS_EXPOSURE) {
      throw new TradegymError(
        'E_BAD_CONFIG',
        `actionLevels[${i}] is ${String(level)}; expected a finite fraction of equity in [-${MAX_ABS_EXPOSURE}, ${MAX_ABS_EXPOSURE}] (e.g. 0.5 = half long, -1 = fully short).`,
        { column: `actionLevels[${i}]`, value: String(level) },
      );
    }
    if (levels.indexOf(level) !== i) {
      throw new TradegymError(
        'E_BAD_CONFIG',
        `actionLevels[${i}] repeats the level ${level}; each action must map to a distinct target exposure.`,
        { column: `actionLevels[${i}]`, value: String(level) },
      );
    }
    out[i] = level;
  }
  return out;
}
