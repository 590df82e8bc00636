import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { DEFAULT_ACTION_LEVELS, validateActionLevels } from '../../src/market/action-levels.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isTradegymError(e) ? e.code : 'not a TradegymError';
  }
  return undefined;
}

describe('validateActionLevels', () => {
  it('defaults to five levels from full short to full long', () => {
    expect(Array.from(validateActionLevels())).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(DEFAULT_ACTION_LEVELS).toHaveLength(5);
  });

  it('accepts long-only levels', () => {
    expect(Array.from(validateActionLevels([0, 0.25, 0.5, 0.75, 1]))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('rejects empty, non-finite, duplicate and over-levered levels with E_BAD_CONFIG', () => {
    expect(codeOf(() => validateActionLevels([]))).toBe('E_BAD_CONFIG');
    expect(codeOf(() => validateActionLevels([0, Number.NaN]))).toBe('E_BAD_CONFIG');
    expect(codeOf(() => validateActionLevels([0, 1, 1]))).toBe('E_BAD_CONFIG');
    expect(codeOf(() => validateActionLevels([0, 11]))).toBe('E_BAD_CONFIG');
    expect(() => validateActionLevels([0, 0.5, 0.5])).toThrow(/actionLevels\[2\]/);
  });
});
