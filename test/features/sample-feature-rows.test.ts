import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { sampleFeatureRows } from '../../src/features/sample-feature-rows.js';

function matrix(rows: number, dim: number, offset: number, firstValidIndex: number): FeatureMatrix {
  return { names: Array.from({ length: dim }, (_, j) => `f${j}`), dim, rows, firstValidIndex, values: Float32Array.from({ length: rows * dim }, (_, i) => offset + Math.floor(i / dim)) };
}

describe('sampleFeatureRows', () => {
  it('draws only observable rows inside the ranges, copying them with their bar and source', () => {
    const a = matrix(20, 2, 0, 5);
    const b = matrix(30, 2, 100, 3);
    const rows = sampleFeatureRows([{ features: a, start: 0, end: 10 }, { features: b, start: 20, end: 30 }], 200, createRng(1));
    expect(rows.count).toBe(15);
    for (let i = 0; i < rows.count; i++) {
      const bar = rows.barIndex[i]!;
      if (rows.source[i] === 0) expect(bar >= 5 && bar < 10).toBe(true);
      else expect(bar >= 20 && bar < 30).toBe(true);
      expect(rows.values[i * 2]).toBe((rows.source[i] === 0 ? 0 : 100) + bar);
    }
  });

  it('is seeded: same rng seed → same rows; each bar is equally likely across sources', () => {
    const a = matrix(110, 1, 0, 10);
    const b = matrix(310, 1, 1000, 10);
    const sources = [{ features: a, start: 0, end: 110 }, { features: b, start: 0, end: 310 }];
    const x = sampleFeatureRows(sources, 4000, createRng(3));
    const y = sampleFeatureRows(sources, 4000, createRng(3));
    expect(x.values).toEqual(y.values);
    const fromB = Array.from(x.source).filter((s) => s === 1).length / x.count;
    expect(fromB).toBeGreaterThan(0.7);
    expect(fromB).toBeLessThan(0.8); // 300 of 400 bars
  });

  it('fails with E_DATA_TOO_SHORT when every row is warm-up', () => {
    expect(() => sampleFeatureRows([{ features: matrix(5, 1, 0, 5), start: 0, end: 5 }], 3, createRng(0))).toThrow(/observable/);
  });
});
