import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { sharpeRatio } from '../../src/metrics/sharpe-ratio.js';
import { bootstrapSharpeInterval } from '../../src/runs/bootstrap-sharpe.js';

function noise(n: number, mean: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => mean + 0.01 * rng.normal());
}

describe('bootstrapSharpeInterval', () => {
  it('brackets the point estimate and excludes 0 for a strong edge', () => {
    const returns = noise(2000, 0.003, 1); // daily Sharpe ≈ 0.3 → annual ≈ 4.8
    const ci = bootstrapSharpeInterval(returns, createRng(2), { resamples: 500 });
    expect(ci.sharpe).toBeCloseTo(sharpeRatio(returns)!, 12);
    expect(ci.low!).toBeLessThan(ci.sharpe!);
    expect(ci.high!).toBeGreaterThan(ci.sharpe!);
    expect(ci.low!).toBeGreaterThan(0);
  });

  it('contains 0 for zero-mean noise, with a width near the textbook ±1.96·√(P/n)', () => {
    const returns = noise(2000, 0, 3);
    const ci = bootstrapSharpeInterval(returns, createRng(4), { resamples: 1000, blockLength: 1 });
    expect(ci.low!).toBeLessThan(0);
    expect(ci.high!).toBeGreaterThan(0);
    // SE of an annualised Sharpe near 0 ≈ √(252/2000) = 0.355 → 95 % width ≈ 1.39
    expect(ci.high! - ci.low!).toBeGreaterThan(1.1);
    expect(ci.high! - ci.low!).toBeLessThan(1.7);
  });

  it('is reproducible for the same seed and returns nulls when no Sharpe is defined', () => {
    const returns = noise(300, 0.001, 5);
    expect(bootstrapSharpeInterval(returns, createRng(6), { resamples: 200 })).toEqual(bootstrapSharpeInterval(returns, createRng(6), { resamples: 200 }));
    expect(bootstrapSharpeInterval([0.01, 0.01, 0.01], createRng(1))).toEqual({ sharpe: null, low: null, high: null, resamples: 0 });
  });
});
