/**
 * Running performance of an equity curve for live `metrics` events, O(1) per bar:
 * simple returns accumulated with Welford's algorithm (Welford 1962) so the Sharpe ratio
 * mean(r)/std(r, ddof = 1)·√P matches `sharpeRatio` on the curve so far; maximum drawdown is
 * the running maximum of 1 − equity/peak.
 */
export class RunningPerformance {
  private count = 0;
  private meanReturn = 0;
  private sumSquares = 0;
  private firstEquity = 0;
  private lastEquity = 0;
  private peak = 0;
  /** Largest drawdown so far, fraction in [0, 1]. */
  maxDrawdown = 0;

  /** @param periodsPerYear P, for annualising the Sharpe ratio. */
  constructor(private readonly periodsPerYear: number) {}

  /** Starts a curve at `equity`. */
  reset(equity: number): void {
    this.count = 0;
    this.meanReturn = 0;
    this.sumSquares = 0;
    this.firstEquity = this.lastEquity = this.peak = equity;
    this.maxDrawdown = 0;
  }

  /** Appends the next equity value (the previous one must be > 0). */
  push(equity: number): void {
    const r = equity / this.lastEquity - 1;
    this.count++;
    const delta = r - this.meanReturn;
    this.meanReturn += delta / this.count;
    this.sumSquares += delta * (r - this.meanReturn);
    this.lastEquity = equity;
    if (equity > this.peak) this.peak = equity;
    const dd = 1 - equity / this.peak;
    if (dd > this.maxDrawdown) this.maxDrawdown = dd;
  }

  /** equity_last / equity_first − 1. */
  get totalReturn(): number {
    return this.lastEquity / this.firstEquity - 1;
  }

  /** Annualised Sharpe so far; null with fewer than 2 returns or zero variance. */
  get sharpe(): number | null {
    if (this.count < 2) return null;
    const std = Math.sqrt(this.sumSquares / (this.count - 1));
    return std > 0 ? (this.meanReturn / std) * Math.sqrt(this.periodsPerYear) : null;
  }
}
