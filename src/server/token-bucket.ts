/**
 * A token bucket (the classic traffic-shaping algorithm): holds up to `capacity` tokens,
 * refills continuously at `refillPerSec`, and each accepted message takes one token.
 * A burst of `capacity` messages passes; a sustained rate above `refillPerSec` is cut.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  /**
   * @param capacity Largest burst, in messages (≥ 1).
   * @param refillPerSec Sustained rate, in messages per second (> 0).
   * @param now Clock in milliseconds; injectable so tests control time.
   */
  constructor(
    readonly capacity: number,
    readonly refillPerSec: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.lastRefillMs = now();
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  tryTake(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.lastRefillMs) / 1000) * this.refillPerSec);
    this.lastRefillMs = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
