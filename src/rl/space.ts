import type { Rng } from '../core/rng.js';

/** A gymnasium-style space: what observations or actions may be. */
export interface Space<T> {
  /** Draws a random element using the given generator. */
  sample(rng: Rng): T;
  /** True when `value` is an element of this space. */
  contains(value: unknown): boolean;
}
