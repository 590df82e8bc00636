import { describe, expect, it } from 'vitest';
import { longFlatLevels, nearestLevelIndex } from '../../src/backtest/long-flat-levels.js';

describe('longFlatLevels', () => {
  it('finds 0 and 1 in the default and long-only levels', () => {
    expect(longFlatLevels([-1, -0.5, 0, 0.5, 1], 's')).toEqual({ flat: 2, long: 4 });
    expect(longFlatLevels([0, 0.5, 1], 's')).toEqual({ flat: 0, long: 2 });
  });

  it('maps to the nearest levels when 0 or 1 is missing', () => {
    expect(longFlatLevels([0, 0.5], 's')).toEqual({ flat: 0, long: 1 });
    expect(longFlatLevels([-0.2, 0.8, 1.5], 's')).toEqual({ flat: 0, long: 1 });
  });

  it('breaks ties toward the smaller exposure', () => {
    expect(nearestLevelIndex([0.5, 1.5], 1)).toBe(0);
    expect(nearestLevelIndex([-0.5, 0.5], 0)).toBe(0);
  });

  it('refuses levels with nothing above flat, naming the strategy and the levels', () => {
    expect(() => longFlatLevels([-1, -0.5, 0], 'sma-crossover')).toThrow(/sma-crossover.*\[-1, -0.5, 0\]/);
    expect(() => longFlatLevels([], 'x')).toThrow(/empty/);
  });
});
