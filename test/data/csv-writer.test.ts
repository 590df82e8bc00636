import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { createBarSeries, type BarSeries } from '../../src/data/bar-series.js';
import { loadBarsCsv } from '../../src/data/csv-loader.js';
import { parseBarsCsv } from '../../src/data/csv-parser.js';
import { formatBarsCsv, writeBarsCsv } from '../../src/data/csv-writer.js';

/** Bars with full-precision random prices (consistent OHLC) at the given timestamps. */
function randomBars(timestamps: number[], seed: number): BarSeries {
  const rng = createRng(seed);
  const n = timestamps.length;
  const cols = { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    cols.open[i] = Math.exp(rng.normal() * 3);
    cols.close[i] = cols.open[i]! * Math.exp(rng.normal() * 0.01);
    cols.high[i] = Math.max(cols.open[i]!, cols.close[i]!) * (1 + rng.uniform() * 0.01);
    cols.low[i] = Math.min(cols.open[i]!, cols.close[i]!) * (1 - rng.uniform() * 0.01);
    cols.volume[i] = i % 3 === 0 ? rng.uniform() * 1e9 : Math.round(rng.uniform() * 1e6);
  }
  return createBarSeries({ symbol: 'RT', timestamps: Float64Array.from(timestamps), ...cols });
}

function expectSameBars(actual: BarSeries, expected: BarSeries): void {
  for (const key of ['timestamps', 'open', 'high', 'low', 'close', 'volume'] as const) {
    expect(Array.from(actual[key]), key).toEqual(Array.from(expected[key]));
  }
}

describe('formatBarsCsv', () => {
  it('writes the generic header and dates when every bar is at midnight UTC', () => {
    const series = createBarSeries({
      symbol: 'X', timestamps: Float64Array.of(Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3)),
      open: Float64Array.of(1, 1.5), high: Float64Array.of(2, 2), low: Float64Array.of(0.5, 1), close: Float64Array.of(1.5, 1.8), volume: Float64Array.of(10, 0),
    });
    expect(formatBarsCsv(series)).toBe('timestamp,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1.5,2,1,1.8,0\n');
  });

  it('round-trips full-precision daily bars exactly', () => {
    const days = Array.from({ length: 300 }, (_, i) => Date.UTC(1990, 0, 1) + i * 86_400_000);
    const series = randomBars(days, 1);
    expectSameBars(parseBarsCsv(formatBarsCsv(series), 'rt.csv'), series);
  });

  it('round-trips intraday bars with seconds and with milliseconds exactly', () => {
    const minutes = Array.from({ length: 200 }, (_, i) => Date.UTC(2021, 5, 30, 23, 0) + i * 60_000);
    const series = randomBars(minutes, 2);
    const text = formatBarsCsv(series);
    expect(text.split('\n')[1]!.startsWith('2021-06-30T23:00:00Z,')).toBe(true);
    expectSameBars(parseBarsCsv(text, 'rt.csv'), series);
    const millis = randomBars(minutes.map((t, i) => t + i * 7), 3);
    const millisText = formatBarsCsv(millis);
    expect(millisText.split('\n')[2]!.startsWith('2021-06-30T23:01:00.007Z,')).toBe(true);
    expectSameBars(parseBarsCsv(millisText, 'rt.csv'), millis);
  });

  it('round-trips bars before 1970', () => {
    const series = randomBars([Date.UTC(1969, 11, 31, 12), Date.UTC(1969, 11, 31, 13)], 4);
    expectSameBars(parseBarsCsv(formatBarsCsv(series), 'rt.csv'), series);
  });

  it('refuses fractional-millisecond timestamps instead of rounding them silently', () => {
    const series = randomBars([Date.UTC(2020, 0, 1) + 0.5], 5);
    expect(() => formatBarsCsv(series)).toThrow(expect.objectContaining({ code: 'E_BAD_ARGUMENT' }));
  });
});

describe('writeBarsCsv', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tradegym-writer-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a file that loadBarsCsv reads back to the same bars', async () => {
    const series = randomBars(Array.from({ length: 50 }, (_, i) => Date.UTC(2022, 0, 1) + i * 3_600_000), 6);
    const path = join(dir, 'hourly.csv');
    await writeBarsCsv(path, series);
    expect((await readFile(path, 'utf8')).startsWith('timestamp,open,high,low,close,volume\n')).toBe(true);
    const loaded = await loadBarsCsv(path);
    expect(loaded.symbol).toBe('hourly');
    expectSameBars(loaded, series);
  });
});
