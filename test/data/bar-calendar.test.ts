import { describe, expect, it } from 'vitest';
import { barTimestamps } from '../../src/data/bar-calendar.js';
import { civilFromDays, daysFromCivil, daysInMonth, weekdayFromDays } from '../../src/data/civil-date.js';

describe('civil date arithmetic', () => {
  it('matches Date.UTC for every day from 1600 to 2400 (round trip)', () => {
    const mismatches: number[] = [];
    for (let days = daysFromCivil(1600, 1, 1); days <= daysFromCivil(2400, 12, 31); days += 1) {
      const { year, month, day } = civilFromDays(days);
      const ok = Date.UTC(year, month - 1, day) === days * 86_400_000 && daysFromCivil(year, month, day) === days && day <= daysInMonth(year, month);
      if (!ok) mismatches.push(days);
    }
    expect(mismatches).toEqual([]);
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1) * 86_400_000).toBe(Date.UTC(2000, 2, 1));
  });

  it('knows leap years and weekdays', () => {
    expect([daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2024, 2), daysInMonth(2023, 4)]).toEqual([29, 28, 29, 30]);
    expect(weekdayFromDays(0)).toBe(4); // 1970-01-01, Thursday
    expect(weekdayFromDays(daysFromCivil(2024, 6, 3))).toBe(1); // Monday
    expect(weekdayFromDays(-1)).toBe(3);
  });
});

describe('barTimestamps', () => {
  it('lists business days Monday–Friday at midnight UTC, skipping weekends', () => {
    const ts = barTimestamps(6, Date.UTC(2024, 4, 30, 15)); // Thursday afternoon
    expect(Array.from(ts)).toEqual([30, 31].map((d) => Date.UTC(2024, 4, d)).concat([3, 4, 5, 6].map((d) => Date.UTC(2024, 5, d))));
  });

  it('uses a fixed interval when given one', () => {
    expect(Array.from(barTimestamps(3, 1000, 60_000))).toEqual([1000, 61_000, 121_000]);
  });
});
