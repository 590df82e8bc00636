import { createBarSeries, type BarSeries } from './bar-series.js';

/**
 * Growable typed columns for bars being read: preallocated to an expected row count and
 * doubled when full, so appending never allocates per row. `finish` trims to the row count.
 */
export class BarColumnsBuilder {
  private timestamps: Float64Array;
  private open: Float64Array;
  private high: Float64Array;
  private low: Float64Array;
  private close: Float64Array;
  private volume: Float64Array;
  /** Rows appended so far. */
  length = 0;

  /** @param capacity expected number of rows (an upper bound avoids any regrowth). */
  constructor(capacity: number) {
    const n = Math.max(16, Math.ceil(capacity));
    this.timestamps = new Float64Array(n);
    this.open = new Float64Array(n);
    this.high = new Float64Array(n);
    this.low = new Float64Array(n);
    this.close = new Float64Array(n);
    this.volume = new Float64Array(n);
  }

  /** Appends one bar (timestamp in epoch ms). No validation: callers check at the boundary. */
  push(timestamp: number, open: number, high: number, low: number, close: number, volume: number): void {
    if (this.length === this.timestamps.length) this.grow();
    const i = this.length++;
    this.timestamps[i] = timestamp;
    this.open[i] = open;
    this.high[i] = high;
    this.low[i] = low;
    this.close[i] = close;
    this.volume[i] = volume;
  }

  /** Timestamp of the last appended row, or -Infinity when empty. */
  lastTimestamp(): number {
    return this.length === 0 ? -Infinity : this.timestamps[this.length - 1]!;
  }

  /** The rows as a BarSeries with exactly `length` rows (copies only when over-allocated). */
  finish(symbol: string): BarSeries {
    const n = this.length;
    const fit = (column: Float64Array): Float64Array => (column.length === n ? column : column.slice(0, n));
    return createBarSeries({
      symbol,
      timestamps: fit(this.timestamps),
      open: fit(this.open),
      high: fit(this.high),
      low: fit(this.low),
      close: fit(this.close),
      volume: fit(this.volume),
    });
  }

  private grow(): void {
    const n = this.timestamps.length * 2;
    const grown = (column: Float64Array): Float64Array => {
      const next = new Float64Array(n);
      next.set(column);
      return next;
    };
    this.timestamps = grown(this.timestamps);
    this.open = grown(this.open);
    this.high = grown(this.high);
    this.low = grown(this.low);
    this.close = grown(this.close);
    this.volume = grown(this.volume);
  }
}
