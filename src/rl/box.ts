import type { Rng } from '../core/rng.js';
import type { Space } from './space.js';

/**
 * A box of `shape[0]` real numbers, each within [low, high] (gymnasium `Box`, 1-D).
 * Elements are `Float32Array`s. Infinite bounds sample from a standard normal
 * (shifted exponential when one side is bounded), as gymnasium does.
 */
export class Box implements Space<Float32Array> {
  readonly shape: readonly [number];
  readonly low: Float32Array;
  readonly high: Float32Array;

  /** @param size number of dimensions; @param low,high scalar or per-dimension bounds. */
  constructor(size: number, low: number | ArrayLike<number>, high: number | ArrayLike<number>) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Box size must be a positive integer, got ${size}`);
    this.shape = [size];
    this.low = broadcast(low, size, 'low');
    this.high = broadcast(high, size, 'high');
    for (let i = 0; i < size; i++) {
      if (!(this.low[i]! <= this.high[i]!)) throw new RangeError(`Box low[${i}] must be ≤ high[${i}]`);
    }
  }

  /** A fresh random element. */
  sample(rng: Rng): Float32Array {
    const out = new Float32Array(this.shape[0]);
    for (let i = 0; i < out.length; i++) {
      const lo = this.low[i]!;
      const hi = this.high[i]!;
      const loFinite = Number.isFinite(lo);
      const hiFinite = Number.isFinite(hi);
      if (loFinite && hiFinite) out[i] = lo + (hi - lo) * rng.uniform();
      else if (loFinite) out[i] = lo - Math.log(1 - rng.uniform());
      else if (hiFinite) out[i] = hi + Math.log(1 - rng.uniform());
      else out[i] = rng.normal();
    }
    return out;
  }

  /** True for a Float32Array (or number array) of the right length with finite values inside the bounds. */
  contains(value: unknown): boolean {
    if (!(value instanceof Float32Array) && !Array.isArray(value)) return false;
    const v = value as ArrayLike<number>;
    if (v.length !== this.shape[0]) return false;
    for (let i = 0; i < v.length; i++) {
      const x = v[i]!;
      if (typeof x !== 'number' || Number.isNaN(x) || x < this.low[i]! || x > this.high[i]!) return false;
    }
    return true;
  }
}

function broadcast(bound: number | ArrayLike<number>, size: number, name: string): Float32Array {
  if (typeof bound === 'number') return new Float32Array(size).fill(bound);
  if (bound.length !== size) throw new RangeError(`Box ${name} has ${bound.length} entries, expected ${size}`);
  return Float32Array.from(bound);
}
