import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/csv-loader.js';
import { parseBarsCsv } from '../../src/data/csv-parser.js';

/** First rows of backtrader's orcl-1995-2014 (Yahoo format). */
const YAHOO = `Date,Open,High,Low,Close,Adj Close,Volume
1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200
1995-01-04,2.123457,2.148148,2.092592,2.135803,1.899776,46051600
1995-01-05,2.141975,2.148148,2.086420,2.092592,1.861340,37762800
`;

/** First rows of gym-anytrading's FOREX_EURUSD_1H_ASK. */
const FOREX = `Time,Open,High,Low,Close,Volume
01.01.2017 22:00:00.000,1.05236,1.05253,1.05221,1.05227,143539993.3
01.01.2017 23:00:00.000,1.05227,1.05426,1.05226,1.05282,253139999.4
02.01.2017 00:00:00.000,1.05283,1.05283,1.05268,1.05281,131399993.9
`;

/** First rows of backtrader's 2005-2006-day-001 (extra OpenInterest column). */
const BACKTRADER = `Date,Open,High,Low,Close,Volume,OpenInterest
2005-01-03,2952.29,2989.61,2946.80,2970.02,0,0
2005-01-04,2969.78,2979.88,2961.14,2971.12,0,0
`;

describe('parseBarsCsv formats', () => {
  it('reads Yahoo Date,Open,High,Low,Close,Adj Close,Volume with raw Close by default', () => {
    const s = parseBarsCsv(YAHOO, 'data/orcl.csv');
    expect(Array.from(s.timestamps)).toEqual([Date.UTC(1995, 0, 3), Date.UTC(1995, 0, 4), Date.UTC(1995, 0, 5)]);
    expect(Array.from(s.open)).toEqual([2.179012, 2.123457, 2.141975]);
    expect(Array.from(s.high)).toEqual([2.191358, 2.148148, 2.148148]);
    expect(Array.from(s.low)).toEqual([2.117284, 2.092592, 2.08642]);
    expect(Array.from(s.close)).toEqual([2.117284, 2.135803, 2.092592]);
    expect(Array.from(s.volume)).toEqual([36301200, 46051600, 37762800]);
    expect(s.intervalMs).toBe(86_400_000);
    expect(s.timestamps).toBeInstanceOf(Float64Array);
  });

  it('useAdjClose scales open/high/low by Adj Close / Close per row and uses Adj Close as close', () => {
    const s = parseBarsCsv(YAHOO, 'data/orcl.csv', { useAdjClose: true });
    const factor = 1.883304 / 2.117284;
    expect(s.close[0]).toBe(1.883304);
    expect(s.open[0]).toBeCloseTo(2.179012 * factor, 12);
    expect(s.high[0]).toBeCloseTo(2.191358 * factor, 12);
    expect(s.low[0]).toBe(1.883304); // low == close in the raw row stays equal after scaling
    expect(s.close[2]).toBe(1.86134);
    expect(s.volume[1]).toBe(46051600);
    for (let i = 0; i < 3; i++) {
      expect(s.low[i]).toBeLessThanOrEqual(Math.min(s.open[i]!, s.close[i]!));
      expect(s.high[i]).toBeGreaterThanOrEqual(Math.max(s.open[i]!, s.close[i]!));
    }
  });

  it('reads DD.MM.YYYY HH:MM:SS.mmm times as UTC and infers an hourly interval', () => {
    const s = parseBarsCsv(FOREX, 'FOREX_EURUSD_1H_ASK.csv');
    expect(s.timestamps[0]).toBe(Date.UTC(2017, 0, 1, 22));
    expect(s.timestamps[2]).toBe(Date.UTC(2017, 0, 2, 0));
    expect(s.volume[1]).toBe(253139999.4);
    expect(s.intervalMs).toBe(3_600_000);
  });

  it('ignores extra columns such as OpenInterest', () => {
    const s = parseBarsCsv(BACKTRADER, 'bt.csv');
    expect(Array.from(s.close)).toEqual([2970.02, 2971.12]);
    expect(Array.from(s.volume)).toEqual([0, 0]);
  });

  it('accepts case-insensitive, padded generic headers in any order, and fills volume with zeros when absent', () => {
    const text = ' CLOSE , Timestamp ,open,  High,low\n10.5,2020-01-01T09:30:00Z,10,11,9\n11,2020-01-01T09:31:00Z,10.5,11.5,10\n';
    const s = parseBarsCsv(text, 'x.csv');
    expect(Array.from(s.close)).toEqual([10.5, 11]);
    expect(Array.from(s.open)).toEqual([10, 10.5]);
    expect(Array.from(s.volume)).toEqual([0, 0]);
    expect(s.intervalMs).toBe(60_000);
  });

  it.each(['time', 'date', 'DateTime', 'TIMESTAMP'])('accepts %s as the time column', (name) => {
    const s = parseBarsCsv(`${name},open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,7\n`, 'x.csv');
    expect(s.timestamps[0]).toBe(Date.UTC(2020, 0, 2));
  });

  it('reads epoch seconds and epoch milliseconds by magnitude', () => {
    const seconds = parseBarsCsv('timestamp,open,high,low,close\n1577836800,1,1,1,1\n1577923200,1,1,1,1\n', 's.csv');
    const millis = parseBarsCsv('timestamp,open,high,low,close\n1577836800000,1,1,1,1\n1577923200000,1,1,1,1\n', 'ms.csv');
    expect(Array.from(seconds.timestamps)).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2)]);
    expect(Array.from(millis.timestamps)).toEqual(Array.from(seconds.timestamps));
  });

  it('reads ISO datetimes with offsets as the same instants', () => {
    const s = parseBarsCsv('time,open,high,low,close\n2020-01-01 10:00:00+01:00,1,1,1,1\n2020-01-01T10:00:00Z,1,1,1,1\n', 'x.csv');
    expect(Array.from(s.timestamps)).toEqual([Date.UTC(2020, 0, 1, 9), Date.UTC(2020, 0, 1, 10)]);
  });

  it('handles CRLF, a BOM and trailing empty lines; a trailing newline is not a row', () => {
    const crlf = '\ufeffDate,Open,High,Low,Close,Volume\r\n2020-01-02,1,2,0.5,1.5,10\r\n2020-01-03,1.5,2,1,1.8,11\r\n\r\n';
    const s = parseBarsCsv(crlf, 'x.csv');
    expect(s.timestamps.length).toBe(2);
    expect(Array.from(s.volume)).toEqual([10, 11]);
    const noFinalNewline = parseBarsCsv('date,open,high,low,close\n2020-01-02,1,2,0.5,1.5', 'x.csv');
    expect(noFinalNewline.timestamps.length).toBe(1);
  });

  it('names the series after the file base name unless a symbol is given', () => {
    expect(parseBarsCsv(BACKTRADER, 'some/dir/ES-daily.csv').symbol).toBe('ES-daily');
    expect(parseBarsCsv(BACKTRADER, 'C:\\data\\spx.txt').symbol).toBe('spx');
    expect(parseBarsCsv(BACKTRADER, 'bt.csv', { symbol: 'SPX' }).symbol).toBe('SPX');
  });

  it('accepts another delimiter when asked', () => {
    const s = parseBarsCsv('date;open;high;low;close\n2020-01-02;1;2;0.5;1.5\n', 'x.csv', { delimiter: ';' });
    expect(s.close[0]).toBe(1.5);
  });

  it('parses quoted cells', () => {
    const s = parseBarsCsv('"Date","Open","High","Low","Close"\n"2020-01-02","1","2","0.5","1.5"\n', 'x.csv');
    expect(s.high[0]).toBe(2);
  });

  it('reads all 5000 rows of a longer file in order', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${1577836800 + i * 60},1,2,0.5,1.5,${i}`);
    const s = parseBarsCsv(`timestamp,open,high,low,close,volume\n${rows.join('\n')}\n`, 'x.csv');
    expect(s.timestamps.length).toBe(5000);
    expect(s.volume[4999]).toBe(4999);
    expect(s.timestamps[4999]).toBe((1577836800 + 4999 * 60) * 1000);
  });
});

describe('loadBarsCsv', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tradegym-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file from disk and takes the symbol from its name', async () => {
    const path = join(dir, 'orcl-1995.csv');
    await writeFile(path, YAHOO);
    const s = await loadBarsCsv(path, { minRows: 3 });
    expect(s.symbol).toBe('orcl-1995');
    expect(s.close[1]).toBe(2.135803);
  });
});
