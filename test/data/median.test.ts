import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { inferIntervalMs } from '../../src/data/bar-series.js';
import { medianInPlace } from '../../src/data/median.js';

function sortedMedian(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

describe('medianInPlace', () => {
  it('matches the sort-based median on random arrays with many ties', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + rng.int(60);
      const values = Float64Array.from({ length: n }, () => (rng.uniform() < 0.5 ? rng.int(4) : rng.normal()));
      expect(medianInPlace(Float64Array.from(values))).toBe(sortedMedian(values));
    }
  });

  it('hand cases: odd, even, constant, empty', () => {
    expect(medianInPlace(Float64Array.of(5, 1, 3))).toBe(3);
    expect(medianInPlace(Float64Array.of(4, 1, 3, 2))).toBe(2.5);
    expect(medianInPlace(new Float64Array(100_001).fill(7))).toBe(7);
    expect(medianInPlace(new Float64Array(0))).toBeNaN();
  });

  it('gives inferIntervalMs the daily spacing of business days despite weekend gaps', () => {
    const days = [4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18].map((d) => Date.UTC(2021, 0, d));
    expect(inferIntervalMs(Float64Array.from(days))).toBe(86_400_000);
  });
});
