import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { generateSyntheticMarket } from '../../src/data/synthetic-market.js';
import { splitByDate, splitByFraction, type TimeSplits } from '../../src/data/time-split.js';

const series = generateSyntheticMarket({ bars: 1000, startTimestampMs: Date.UTC(2010, 0, 4) }, createRng(1)).series;

/** Observable ranges are disjoint and in time order; every split reads only its own bars. */
function expectHonest(splits: TimeSplits, n: number): void {
  const ranges = [splits.train, splits.validation, splits.test].filter((r) => r !== undefined);
  expect(ranges[0]!.start).toBe(0);
  expect(ranges.at(-1)!.end).toBe(n);
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    expect(r.observableStart).toBe(r.start + splits.warmupBars);
    expect(r.observableStart).toBeLessThan(r.end);
    if (k > 0) expect(r.start).toBe(ranges[k - 1]!.end);
  }
}

describe('splitByFraction', () => {
  it('cuts 70/15/15 with each warm-up inside its own split', () => {
    const splits = splitByFraction(series, { train: 0.7, validation: 0.15, test: 0.15 }, 50);
    expect(splits.train).toEqual({ start: 0, observableStart: 50, end: 700 });
    expect(splits.validation).toEqual({ start: 700, observableStart: 750, end: 850 });
    expect(splits.test).toEqual({ start: 850, observableStart: 900, end: 1000 });
    expectHonest(splits, 1000);
  });

  it('omits validation when its fraction is 0 or missing', () => {
    const splits = splitByFraction(series, { train: 0.8, test: 0.2 }, 10);
    expect(splits.validation).toBeUndefined();
    expect(splits.test).toEqual({ start: 800, observableStart: 810, end: 1000 });
    expectHonest(splits, 1000);
  });

  it('fails with E_DATA_TOO_SHORT naming the split when it cannot hold its warm-up', () => {
    const call = () => splitByFraction(series, { train: 0.9, validation: 0.05, test: 0.05 }, 50);
    expect(call).toThrow(expect.objectContaining({ code: 'E_DATA_TOO_SHORT', message: expect.stringContaining('the validation split has 50 bars') }));
    expect(call).toThrow(/needs 50 warm-up bars \+ 1 observable = 51/);
  });

  it('honours minObservableBars', () => {
    expect(() => splitByFraction(series, { train: 0.8, test: 0.2 }, 150, { minObservableBars: 60 })).toThrow(
      expect.objectContaining({ code: 'E_DATA_TOO_SHORT', message: expect.stringContaining('the test split has 200 bars') }),
    );
  });

  it.each([
    [{ train: 0.5, validation: 0.2, test: 0.2 }],
    [{ train: 0, test: 1 }],
    [{ train: 0.7, validation: -0.1, test: 0.4 }],
    [{ train: Number.NaN, test: 0.5 }],
  ])('rejects fractions %j with E_BAD_ARGUMENT', (fractions) => {
    expect(() => splitByFraction(series, fractions, 10)).toThrow(expect.objectContaining({ code: 'E_BAD_ARGUMENT' }));
  });

  it('rejects a negative or fractional warm-up', () => {
    expect(() => splitByFraction(series, { train: 0.5, test: 0.5 }, -1)).toThrow(expect.objectContaining({ code: 'E_BAD_ARGUMENT' }));
    expect(() => splitByFraction(series, { train: 0.5, test: 0.5 }, 2.5)).toThrow(expect.objectContaining({ code: 'E_BAD_ARGUMENT' }));
  });
});

describe('splitByDate', () => {
  it('starts each split at the first bar on or after its date', () => {
    const splits = splitByDate(series, { validationStart: '2012-01-01', testStart: Date.UTC(2013, 0, 1) }, 20);
    const ts = series.timestamps;
    expect(ts[splits.validation!.start]!).toBeGreaterThanOrEqual(Date.UTC(2012, 0, 1));
    expect(ts[splits.validation!.start - 1]!).toBeLessThan(Date.UTC(2012, 0, 1));
    expect(ts[splits.test.start]!).toBe(Date.UTC(2013, 0, 1)); // a Tuesday: a business day
    expect(ts[splits.test.start - 1]!).toBeLessThan(Date.UTC(2013, 0, 1));
    expectHonest(splits, 1000);
  });

  it('works without a validation split', () => {
    const splits = splitByDate(series, { testStart: '2013-01-01' }, 20);
    expect(splits.validation).toBeUndefined();
    expect(splits.train.end).toBe(splits.test.start);
    expectHonest(splits, 1000);
  });

  it('rejects out-of-order and unreadable dates', () => {
    expect(() => splitByDate(series, { validationStart: '2013-01-01', testStart: '2012-01-01' }, 0)).toThrow(
      expect.objectContaining({ code: 'E_BAD_ARGUMENT', message: expect.stringContaining('must be before testStart') }),
    );
    expect(() => splitByDate(series, { testStart: 'next tuesday' }, 0)).toThrow(expect.objectContaining({ code: 'E_BAD_ARGUMENT' }));
  });

  it('a test start after the last bar leaves the test split empty: E_DATA_TOO_SHORT', () => {
    expect(() => splitByDate(series, { testStart: '2030-01-01' }, 0)).toThrow(
      expect.objectContaining({ code: 'E_DATA_TOO_SHORT', message: expect.stringContaining('the test split has 0 bars') }),
    );
  });
});
