import { describe, expect, it } from 'vitest';
import { sortinoRatio } from '../../src/metrics/sortino-ratio.js';

describe('sortinoRatio', () => {
  it('divides by the downside deviation over ALL periods, not over the losing ones only', () => {
    // r = [0.02, −0.01, 0.03, −0.03]; mean = 0.01/4 = 0.0025
    // DD = √((0.0001 + 0.0009)/4) = 0.0158113883
    // Sortino = 0.0025·252 / (0.0158113883·√252) = 0.1581138830·15.8745078664 = 2.5099800796
    // Losing periods only: DD' = √(0.001/2) = 0.0223606798 → 1.7748239349, which we must NOT report.
    const s = sortinoRatio([0.02, -0.01, 0.03, -0.03], { periodsPerYear: 252 })!;
    expect(s).toBeCloseTo(2.509980079602227, 12);
    expect(Math.abs(s - 1.7748239349298853)).toBeGreaterThan(0.7);
  });

  it('subtracts the required return in the numerator and the shortfall', () => {
    // T = 0.01: r − T = [0.01, −0.02, 0.02, −0.04]; mean −0.0075; DD = √((0.0004 + 0.0016)/4) = √0.0005
    // Sortino = −0.0075 / 0.0223606798 · √252 = −5.3244718048
    expect(sortinoRatio([0.02, -0.01, 0.03, -0.03], { requiredReturn: 0.01 })).toBeCloseTo(
      (-0.0075 / Math.sqrt(0.0005)) * Math.sqrt(252),
      12,
    );
  });

  it('is undefined with no downside or fewer than two returns', () => {
    expect(sortinoRatio([0.01, 0.02, 0])).toBeUndefined();
    expect(sortinoRatio([-0.01])).toBeUndefined();
  });
});
