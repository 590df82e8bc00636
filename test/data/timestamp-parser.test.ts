import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/data/timestamp-parser.js';

describe('parseTimestamp', () => {
  it('reads YYYY-MM-DD as midnight UTC', () => {
    expect(parseTimestamp('2017-01-02')).toBe(Date.UTC(2017, 0, 2));
    expect(parseTimestamp('1995-01-03')).toBe(Date.UTC(1995, 0, 3));
    expect(parseTimestamp('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
  });

  it('reads ISO datetimes with T or space, with and without seconds, fraction and zone; no zone means UTC', () => {
    const t = Date.UTC(2017, 0, 2, 15, 30, 0);
    expect(parseTimestamp('2017-01-02T15:30:00Z')).toBe(t);
    expect(parseTimestamp('2017-01-02T15:30:00')).toBe(t);
    expect(parseTimestamp('2017-01-02 15:30:00')).toBe(t);
    expect(parseTimestamp('2017-01-02 15:30')).toBe(t);
    expect(parseTimestamp('2017-01-02T15:30:00.250Z')).toBe(t + 250);
    expect(parseTimestamp('2017-01-02T15:30:00.2Z')).toBe(t + 200);
    expect(parseTimestamp('2017-01-02T15:30:00.123456789')).toBe(t + 123);
    expect(parseTimestamp('2017-01-02T17:30:00+02:00')).toBe(t);
    expect(parseTimestamp('2017-01-02T10:00:00-0530')).toBe(t);
    expect(parseTimestamp('2017-01-02T18:30:00+03')).toBe(t);
  });

  it('reads DD.MM.YYYY HH:MM:SS.mmm as UTC', () => {
    expect(parseTimestamp('01.01.2017 22:00:00.000')).toBe(Date.UTC(2017, 0, 1, 22));
    expect(parseTimestamp('29.12.2017 21:00:00.500')).toBe(Date.UTC(2017, 11, 29, 21, 0, 0, 500));
    expect(parseTimestamp('29.12.2017')).toBe(Date.UTC(2017, 11, 29));
  });

  it('reads epoch seconds below 1e11 and epoch milliseconds from 1e11 up (the magnitude rule)', () => {
    expect(parseTimestamp('1483228800')).toBe(Date.UTC(2017, 0, 1));
    expect(parseTimestamp('1483228800000')).toBe(Date.UTC(2017, 0, 1));
    expect(parseTimestamp('1483228800.5')).toBe(Date.UTC(2017, 0, 1) + 500);
    expect(parseTimestamp('99999999999')).toBe(99999999999 * 1000);
    expect(parseTimestamp('100000000000')).toBe(100000000000);
  });

  it('honours a forced epoch unit', () => {
    expect(parseTimestamp('86400', 'ms')).toBe(86400);
    expect(parseTimestamp('86400000', 's')).toBe(86400000 * 1000);
  });

  it('rejects 8-digit integers under auto, which look like compact YYYYMMDD dates', () => {
    expect(parseTimestamp('20170102')).toBeNaN();
    expect(parseTimestamp('20170102', 's')).toBe(20170102000);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseTimestamp(' 2017-01-02 ')).toBe(Date.UTC(2017, 0, 2));
  });

  it.each([
    '', 'abc', '2017-13-01', '2017-02-30', '2017-01-02T24:00', '2017-01-02T12:60', '2017-01-02T12:00:61',
    '2017-01-02X12:00', '2017-01-02T12', '2017-01-02T12:00:00+2', '2017-01-02T12:00:00Q', '32.01.2017 00:00:00.000',
    '01.01.2017T00:00', '2017/01/02', 'NaN', 'Infinity', '2017-01-02T12:00:00.',
  ])('returns NaN for %j', (text) => {
    expect(parseTimestamp(text)).toBeNaN();
  });

  it('agrees with Date.parse on a sweep of ISO datetimes across leap years and centuries', () => {
    for (let day = -40000; day < 40000; day += 997) {
      const ms = day * 86_400_000 + ((day * 7919) % 86_400) * 1000;
      const iso = new Date(ms).toISOString();
      expect(parseTimestamp(iso)).toBe(ms);
    }
  });
});
