import { describe, expect, it } from 'vitest';
import { constantSchedule, linearSchedule, updateProgress } from '../../src/ppo/schedules.js';

describe('schedules', () => {
  it('anneals linearly from the initial to the final value and clamps progress', () => {
    const lr = linearSchedule(1e-3, 0);
    expect(lr(0)).toBe(1e-3);
    expect(lr(0.25)).toBeCloseTo(7.5e-4, 12);
    expect(lr(1)).toBe(0);
    expect(lr(2)).toBe(0);
    expect(lr(-1)).toBe(1e-3);
    expect(linearSchedule(0.2, 0.1)(0.5)).toBeCloseTo(0.15, 12);
  });

  it('keeps a constant schedule constant', () => {
    expect(constantSchedule(0.2)(0.9)).toBe(0.2);
  });

  it('runs update k of n at progress k/n, so the last update still has a positive rate', () => {
    expect(updateProgress(0, 4)).toBe(0);
    expect(updateProgress(3, 4)).toBe(0.75);
    expect(linearSchedule(1, 0)(updateProgress(3, 4))).toBe(0.25);
  });
});
