/**
 * Incremental Relative Strength Index (Wilder 1978, "New Concepts in Technical Trading
 * Systems"), fed one close-to-close change at a time.
 *
 * Seed: the average gain and loss are the plain means of the first `period` changes;
 * afterwards avg ← (avg·(period − 1) + current) / period. RSI = 100 − 100 / (1 + avgGain/avgLoss),
 * 100 when avgLoss = 0 < avgGain, 50 when both are 0. Matches technicalindicators' RSI
 * before its rounding to 2 decimals.
 */
export class WilderRsi {
  private count = 0;
  private avgGain = 0;
  private avgLoss = 0;

  /** @param period number of changes averaged (≥ 2). */
  constructor(readonly period: number) {}

  /** Forgets all changes. */
  reset(): void {
    this.count = 0;
    this.avgGain = 0;
    this.avgLoss = 0;
  }

  /** Adds the change close(t) − close(t − 1). */
  update(change: number): void {
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    const p = this.period;
    this.count++;
    if (this.count <= p) {
      this.avgGain += gain / p;
      this.avgLoss += loss / p;
    } else {
      this.avgGain = (this.avgGain * (p - 1) + gain) / p;
      this.avgLoss = (this.avgLoss * (p - 1) + loss) / p;
    }
  }

  /** True once `period` changes have been seen. */
  get ready(): boolean {
    return this.count >= this.period;
  }

  /** RSI in [0, 100]; NaN before `ready`. */
  get value(): number {
    if (this.count < this.period) return Number.NaN;
    if (this.avgLoss === 0) return this.avgGain === 0 ? 50 : 100;
    return 100 - 100 / (1 + this.avgGain / this.avgLoss);
  }
}
