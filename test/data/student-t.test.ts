import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { sampleChiSquare, sampleGamma } from '../../src/data/gamma-sampler.js';
import { sampleStandardizedStudentT, sampleStudentT } from '../../src/data/student-t.js';

function moments(draw: () => number, n: number): { mean: number; variance: number; kurtosis: number } {
  const xs = Float64Array.from({ length: n }, draw);
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    m2 += (x - mean) ** 2 / n;
    m4 += (x - mean) ** 4 / n;
  }
  return { mean, variance: m2, kurtosis: m4 / (m2 * m2) };
}

describe('sampleGamma (Marsaglia–Tsang)', () => {
  it.each([0.5, 1, 2.5, 10])('Gamma(%s, 1) has mean ≈ shape and variance ≈ shape', (shape) => {
    const rng = createRng(11);
    const { mean, variance } = moments(() => sampleGamma(rng, shape), 100_000);
    expect(mean).toBeCloseTo(shape, 1);
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.05);
  });

  it('χ²(k) has mean k', () => {
    const rng = createRng(12);
    expect(moments(() => sampleChiSquare(rng, 5), 100_000).mean).toBeCloseTo(5, 1);
  });

  it('rejects a non-positive shape', () => {
    expect(() => sampleGamma(createRng(1), 0)).toThrow(RangeError);
  });
});

describe('Student-t samplers', () => {
  it('t(10) has variance ≈ ν/(ν − 2) = 1.25', () => {
    const rng = createRng(13);
    const { mean, variance } = moments(() => sampleStudentT(rng, 10), 200_000);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance).toBeGreaterThan(1.2);
    expect(variance).toBeLessThan(1.3);
  });

  it('the standardised t(5) has unit variance and fat tails (kurtosis well above the normal 3)', () => {
    const rng = createRng(14);
    const { variance, kurtosis } = moments(() => sampleStandardizedStudentT(rng, 5), 200_000);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
    expect(kurtosis).toBeGreaterThan(4.5);
  });

  it('needs ν > 2 for a standardised draw', () => {
    expect(() => sampleStandardizedStudentT(createRng(1), 2)).toThrow(RangeError);
  });

  it('is reproducible from the seed', () => {
    const a = createRng(99);
    const b = createRng(99);
    expect(Array.from({ length: 20 }, () => sampleStandardizedStudentT(a, 4))).toEqual(
      Array.from({ length: 20 }, () => sampleStandardizedStudentT(b, 4)),
    );
  });
});
