import { describe, expect, it } from 'vitest';
import { actionAgreement } from '../../src/nn/action-agreement.js';

describe('actionAgreement', () => {
  it('counts states with the same arg-max action and averages KL and entropies', () => {
    const p = Float32Array.from([0.7, 0.3, 0.5, 0.5]);
    const q = Float32Array.from([0.6, 0.4, 0.2, 0.8]);
    const stats = actionAgreement(p, q, 2);
    expect(stats.agreement).toBe(0.5); // row 2: tie → action 0 vs 1
    const kl = (0.7 * Math.log(0.7 / 0.6) + 0.3 * Math.log(0.3 / 0.4) + 0.5 * Math.log(0.5 / 0.2) + 0.5 * Math.log(0.5 / 0.8)) / 2;
    expect(stats.meanKl).toBeCloseTo(kl, 6);
    expect(stats.entropy).toBeCloseTo((-(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)) + Math.log(2)) / 2, 6);
  });

  it('is full agreement with zero KL against itself', () => {
    const p = Float32Array.from([0.1, 0.2, 0.7, 0.3, 0.3, 0.4]);
    const stats = actionAgreement(p, p, 3);
    expect(stats.agreement).toBe(1);
    expect(stats.meanKl).toBeCloseTo(0, 7);
    expect(stats.entropy).toBeCloseTo(stats.referenceEntropy, 7);
  });

  it('rejects arrays of different lengths', () => {
    expect(() => actionAgreement(new Float32Array(4), new Float32Array(6), 2)).toThrow(RangeError);
  });
});
