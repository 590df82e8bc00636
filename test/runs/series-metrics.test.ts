import { describe, expect, it } from 'vitest';
import { parseValueSeriesCsv } from '../../src/runs/value-series-csv.js';
import { seriesMetrics } from '../../src/runs/series-metrics.js';

describe('seriesMetrics', () => {
  it('dates a returns drawdown from the start before the first return to the recovery', () => {
    // equity 1 → 0.9 → 0.945 → 1.0017: peak is the start, trough after day 1, recovered on day 3.
    const series = parseValueSeriesCsv('date,ret\n2024-01-02,-0.1\n2024-01-03,0.05\n2024-01-04,0.06\n', 'r.csv');
    const m = seriesMetrics(series, undefined, 252);
    expect(m.kind).toBe('returns');
    expect(m.summary.maxDrawdown?.depth).toBeCloseTo(0.1, 12);
    expect(m.maxDrawdownDates).toEqual({ peak: 'before 2024-01-02', trough: '2024-01-02', recovery: '2024-01-04' });
  });
});

describe('parseValueSeriesCsv', () => {
  it('names file, line and column of a bad cell', () => {
    expect(() => parseValueSeriesCsv('date,equity\n2024-01-02,100\n2024-01-03,n/a\n', 'e.csv')).toThrow(/e\.csv line 3, column "equity": n\/a is not a finite number/);
    expect(() => parseValueSeriesCsv('date,equity\n2024-01-03,100\n2024-01-02,101\n', 'e.csv')).toThrow(/line 3.*strictly increasing/);
  });

  it('needs exactly one value column unless one is chosen', () => {
    const text = 'date,a,b\n2024-01-02,1,2\n';
    expect(() => parseValueSeriesCsv(text, 'two.csv')).toThrow(/--column/);
    expect(parseValueSeriesCsv(text, 'two.csv', 'b').values).toEqual(Float64Array.from([2]));
  });
});
