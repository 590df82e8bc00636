import type { Rng } from '../core/rng.js';
import type { Space } from './space.js';

/** The integers {0, 1, …, n − 1} (gymnasium `Discrete` with start 0). */
export class Discrete implements Space<number> {
  readonly n: number;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Discrete n must be a positive integer, got ${n}`);
    this.n = n;
  }

  /** A uniformly random action. */
  sample(rng: Rng): number {
    return rng.int(this.n);
  }

  /** True for an integer in [0, n). */
  contains(value: unknown): boolean {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < this.n;
  }
}
