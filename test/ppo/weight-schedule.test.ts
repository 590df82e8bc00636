import { describe, expect, it } from 'vitest';
import { rampHoldSchedule } from '../../src/ppo/weight-schedule.js';

describe('rampHoldSchedule', () => {
  it('ramps linearly to the maximum over the first 30 % of training, then holds', () => {
    const w = rampHoldSchedule({ max: 2 });
    expect(w(0)).toBe(0);
    expect(w(0.15)).toBeCloseTo(1, 12);
    expect(w(0.3)).toBe(2);
    expect(w(0.9)).toBe(2);
    expect(w(1.5)).toBe(2);
  });

  it('can start above zero and decay to a final weight after the ramp', () => {
    const w = rampHoldSchedule({ max: 1, start: 0.5, rampFraction: 0.5, after: 'decay', final: 0.2 });
    expect(w(0)).toBe(0.5);
    expect(w(0.25)).toBeCloseTo(0.75, 12);
    expect(w(0.5)).toBe(1);
    expect(w(0.75)).toBeCloseTo(0.6, 12);
    expect(w(1)).toBeCloseTo(0.2, 12);
  });

  it('with rampFraction 0 is the maximum from the start', () => {
    expect(rampHoldSchedule({ max: 3, rampFraction: 0 })(0)).toBe(3);
  });

  it('rejects negative weights and fractions outside [0, 1] with E_BAD_CONFIG', () => {
    expect(() => rampHoldSchedule({ max: -1 })).toThrow(/max/);
    expect(() => rampHoldSchedule({ max: 1, rampFraction: 1.2 })).toThrow(/rampFraction/);
  });
});
