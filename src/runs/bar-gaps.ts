import type { BarSeries } from '../data/bar-series.js';

const DAY_MS = 86_400_000;
/** Missing bars checked one by one when classifying a gap; longer gaps are never "weekend only". */
const MAX_CHECKED_MISSING = 10_000;

/** One hole in a series: bars expected at the typical spacing between `fromIndex` and `fromIndex + 1` are absent. */
export interface BarGap {
  /** Index of the bar before the gap. */
  fromIndex: number;
  fromTimestamp: number;
  toTimestamp: number;
  /** round(Δt / interval) − 1. */
  missingBars: number;
  /** True when every missing bar would fall on a UTC Saturday or Sunday (a closed market, not missing data). */
  weekendOnly: boolean;
}

/**
 * The gaps of a series: consecutive bars more than 1.5 × `intervalMs` (the median spacing)
 * apart, in time order, each classified as weekend-only or not.
 */
export function findBarGaps(series: BarSeries): BarGap[] {
  const { timestamps, intervalMs } = series;
  const gaps: BarGap[] = [];
  if (!(intervalMs > 0)) return gaps;
  for (let i = 1; i < timestamps.length; i++) {
    const from = timestamps[i - 1]!;
    const to = timestamps[i]!;
    if (to - from <= 1.5 * intervalMs) continue;
    const missingBars = Math.max(1, Math.round((to - from) / intervalMs) - 1);
    gaps.push({ fromIndex: i - 1, fromTimestamp: from, toTimestamp: to, missingBars, weekendOnly: isWeekendOnly(from, intervalMs, missingBars) });
  }
  return gaps;
}

function isWeekendOnly(from: number, intervalMs: number, missingBars: number): boolean {
  if (missingBars > MAX_CHECKED_MISSING) return false;
  for (let k = 1; k <= missingBars; k++) {
    const weekday = (((Math.floor((from + k * intervalMs) / DAY_MS) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    if (weekday !== 0 && weekday !== 6) return false;
  }
  return true;
}
