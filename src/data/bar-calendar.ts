import { MS_PER_DAY, weekdayFromDays } from './civil-date.js';

/**
 * Open times of `count` consecutive bars. Without `intervalMs`: business days, Monday–Friday at
 * 00:00 UTC (no holiday calendar), starting on the UTC day of `startMs`, or the next Monday when
 * that day is a weekend. With `intervalMs`: `startMs + i · intervalMs`, weekends included.
 */
export function barTimestamps(count: number, startMs: number, intervalMs?: number): Float64Array {
  const out = new Float64Array(count);
  if (intervalMs !== undefined) {
    for (let i = 0; i < count; i++) out[i] = startMs + i * intervalMs;
    return out;
  }
  let day = Math.floor(startMs / MS_PER_DAY);
  for (let i = 0; i < count; i++) {
    while (weekdayFromDays(day) === 0 || weekdayFromDays(day) === 6) day++;
    out[i] = day * MS_PER_DAY;
    day++;
  }
  return out;
}
