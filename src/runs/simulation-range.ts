import type { BarRange } from '../backtest/backtest-options.js';
import { TradegymError } from '../core/errors.js';
import { barCount, type BarSeries } from '../data/bar-series.js';

/**
 * Bar indices of the bars whose open time lies in [fromMs, toMs] (both inclusive; either
 * bound may be omitted). Binary search over the sorted timestamps.
 * @throws TradegymError E_BAD_CONFIG when fewer than 2 bars fall in the range.
 */
export function simulationRange(bars: BarSeries, fromMs?: number, toMs?: number): BarRange {
  const ts = bars.timestamps;
  const start = fromMs === undefined ? 0 : firstIndex(ts, (t) => t >= fromMs);
  const end = toMs === undefined ? barCount(bars) : firstIndex(ts, (t) => t > toMs);
  if (end - start < 2) {
    const first = ts.length > 0 ? new Date(ts[0]!).toISOString() : 'n/a';
    const last = ts.length > 0 ? new Date(ts[ts.length - 1]!).toISOString() : 'n/a';
    throw new TradegymError(
      'E_BAD_CONFIG',
      `the range ${fmt(fromMs)} … ${fmt(toMs)} holds ${Math.max(0, end - start)} bar(s) of ${bars.symbol}; ` +
        `a simulation needs at least 2. The data covers ${first} … ${last}`,
    );
  }
  return { start, end };
}

/** First index whose timestamp satisfies the monotone predicate `past` (the length when none does). */
function firstIndex(ts: Float64Array, past: (t: number) => boolean): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(ts[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function fmt(ms: number | undefined): string {
  if (ms === undefined) return '(open)';
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
