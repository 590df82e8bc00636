import { describe, expect, it } from 'vitest';
import { createBarSeries } from '../../src/data/bar-series.js';
import { findBarGaps } from '../../src/runs/bar-gaps.js';
import { intervalText } from '../../src/runs/inspect-bars.js';

function series(dates: string[]) {
  const timestamps = Float64Array.from(dates, (d) => Date.parse(`${d}T00:00:00Z`));
  const ones = () => new Float64Array(dates.length).fill(1);
  return createBarSeries({ symbol: 'T', timestamps, open: ones(), high: ones(), low: ones(), close: ones(), volume: ones() });
}

describe('findBarGaps', () => {
  it('tells a weekend from missing trading days', () => {
    // Mon–Fri, weekend, Mon Tue, (Wed + Thu missing), Fri, weekend, Mon–Wed: median spacing 1 day.
    const dates = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09', '2024-01-12', '2024-01-15', '2024-01-16', '2024-01-17'];
    const gaps = findBarGaps(series(dates));
    expect(gaps.map((g) => [g.fromIndex, g.missingBars, g.weekendOnly])).toEqual([[4, 2, true], [6, 2, false], [7, 2, true]]);
  });

  it('finds nothing in a regular series', () => {
    expect(findBarGaps(series(['2024-01-01', '2024-01-02', '2024-01-03']))).toEqual([]);
  });
});

describe('intervalText', () => {
  it('uses the largest whole unit', () => {
    expect([86_400_000, 3_600_000, 900_000, 30_000, 250].map(intervalText)).toEqual(['1d', '1h', '15m', '30s', '250ms']);
  });
});
