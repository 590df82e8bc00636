import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/server/token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst of `capacity` messages through, then refuses until tokens refill', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    now = 499; // 0.998 tokens refilled
    expect(bucket.tryTake()).toBe(false);
    now = 1000; // 2 tokens refilled in the second since the bucket emptied
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });

  it('never holds more than its capacity after a long idle period', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 100, () => now);
    now = 60_000;
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });

  it('sustains exactly the refill rate under a steady flood', () => {
    let now = 0;
    const bucket = new TokenBucket(5, 10, () => now);
    let accepted = 0;
    for (let ms = 0; ms <= 10_000; ms++) {
      now = ms;
      if (bucket.tryTake()) accepted++;
    }
    expect(accepted).toBe(5 + 100); // the burst plus 10/s for 10 s
  });
});
