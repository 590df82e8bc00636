import { describe, expect, it } from 'vitest';
import { inferPeriodsPerYear } from '../../src/metrics/periods-per-year.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2021, 0, 4); // a Monday

/** Bar times every `stepMs` over `days` days from START, kept when `keep(dayOfWeek, hourUtc)`. */
function bars(days: number, stepMs: number, keep: (weekday: number, hour: number) => boolean): number[] {
  const out: number[] = [];
  for (let t = START; t < START + days * DAY; t += stepMs) {
    const d = new Date(t);
    if (keep(d.getUTCDay(), d.getUTCHours() + d.getUTCMinutes() / 60)) out.push(t);
  }
  return out;
}
const weekday = (w: number): boolean => w >= 1 && w <= 5;

describe('inferPeriodsPerYear', () => {
  it('reports 252 for business-day daily bars and 365 for 7-day daily bars', () => {
    expect(inferPeriodsPerYear(bars(730, DAY, weekday))).toBe(252);
    expect(inferPeriodsPerYear(bars(730, DAY, () => true))).toBe(365);
  });

  it('reports 8760 for hourly 24/7 bars (crypto)', () => {
    expect(inferPeriodsPerYear(bars(60, HOUR, () => true))).toBe(24 * 365);
  });

  it('reports 6240 = 24·260 for hourly 24/5 bars (FX, Sunday 22:00 to Friday 22:00 UTC)', () => {
    const fx = bars(60, HOUR, (w, h) => (weekday(w) && !(w === 5 && h >= 22)) || (w === 0 && h >= 22));
    expect(inferPeriodsPerYear(fx)).toBe(24 * 260);
  });

  it('reports 1764 = 7·252 for hourly bars of a 6.5-hour equity session', () => {
    const session = bars(60, HOUR / 2, (w, h) => weekday(w) && h >= 13.5 && h < 20 && (h - 13.5) % 1 === 0);
    expect(inferPeriodsPerYear(session)).toBe(7 * 252);
  });

  it('reports 52 for weekly bars and 12 for month starts', () => {
    expect(inferPeriodsPerYear(bars(700, 7 * DAY, () => true))).toBe(52);
    const months = Array.from({ length: 36 }, (_, m) => Date.UTC(2019, m, 1));
    expect(inferPeriodsPerYear(months)).toBe(12);
  });

  it('is undefined for fewer than two timestamps', () => {
    expect(inferPeriodsPerYear([START])).toBeUndefined();
    expect(inferPeriodsPerYear([])).toBeUndefined();
  });
});
