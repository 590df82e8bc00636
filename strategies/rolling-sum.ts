import type { StrategyContext } from '../src/backtest/strategy-context.js';

/** Bars between exact re-summations, bounding floating-point drift of the running sum. */
const RESYNC_BARS = 4096;

/**
 * Running sum of the last `window` closes, advanced in O(1) per bar through a causal
 * context. Re-summed exactly every 4096 bars so drift stays at rounding level on long series.
 */
export class RollingSum {
  /** Sum of closes t − window + 1 … t for the last t filled or advanced to. */
  sum = 0;
  private sinceFill = 0;

  constructor(readonly window: number) {}

  /** Sums the window ending at t from scratch (t ≥ window − 1). */
  fill(ctx: StrategyContext, t: number): void {
    let s = 0;
    for (let i = t - this.window + 1; i <= t; i++) s += ctx.close(i);
    this.sum = s;
    this.sinceFill = 0;
  }

  /** Moves the window from ending at t − 1 to ending at t. */
  advance(ctx: StrategyContext, t: number): void {
    if (++this.sinceFill >= RESYNC_BARS) this.fill(ctx, t);
    else this.sum += ctx.close(t) - ctx.close(t - this.window);
  }
}
