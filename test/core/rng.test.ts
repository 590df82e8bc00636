import { describe, expect, it } from 'vitest';
import { Rng, createRng } from '../../src/core/rng.js';

describe('Rng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 10 }, () => a.uniform());
    expect(Array.from({ length: 10 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c.uniform())).not.toEqual(xs);
  });

  it('forks depend on the name and the seed, not on draws already taken', () => {
    const a = createRng(7);
    const forkBefore = a.fork('slippage').uniform();
    for (let i = 0; i < 100; i++) a.uniform();
    expect(a.fork('slippage').uniform()).toBe(forkBefore);
    expect(a.fork('episodes').uniform()).not.toBe(forkBefore);
  });

  it('draws uniforms in [0, 1) with mean near 1/2 and normals with unit variance', () => {
    const rng = new Rng(1);
    let sum = 0;
    let sumSq = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      const z = rng.normal();
      sumSq += z * z;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n).toBeGreaterThan(0.97);
    expect(sumSq / n).toBeLessThan(1.03);
  });

  it('int(n) covers [0, n) evenly and rejects bad n', () => {
    const rng = new Rng(3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 10_000; i++) counts[rng.int(5)]++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
  });

  it('categorical follows the given weights', () => {
    const rng = new Rng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[rng.categorical([0.2, 0, 0.8])]++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 20_000).toBeCloseTo(0.2, 1);
  });

  it('rejects non-integer seeds', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(1.5)).toThrow(RangeError);
  });
});
