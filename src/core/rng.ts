/**
 * Seeded pseudo-random number generator (xoshiro128**, Blackman & Vigna 2018)
 * with named, independent sub-streams.
 *
 * Every random draw in tradegym goes through an `Rng` passed explicitly; there is no
 * global state and no `Math.random`. `fork(name)` derives a child stream from the
 * parent's *seed* and the name only, so adding a new consumer never shifts the draws
 * of the others, and forking does not advance the parent.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** The 128-bit seed words this stream started from (used to derive forks). */
  private readonly seedWords: readonly [number, number, number, number];
  private spareNormal = 0;
  private hasSpareNormal = false;

  /**
   * @param seed a finite integer (any size; hashed into 128 bits) or explicit seed words.
   */
  constructor(seed: number | readonly [number, number, number, number]) {
    const words = typeof seed === 'number' ? seedWordsFromNumber(seed) : seed;
    if (words.every((w) => w === 0)) throw new RangeError('Rng seed words must not all be zero');
    this.seedWords = [words[0] >>> 0, words[1] >>> 0, words[2] >>> 0, words[3] >>> 0];
    [this.s0, this.s1, this.s2, this.s3] = this.seedWords;
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float in [0, 1) with 53 bits of precision. */
  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Uniform float in [low, high). */
  uniformRange(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Uniform integer in [0, n), n ≤ 2^32; unbiased (rejection sampling). */
  int(n: number): number {
    if (!(n >= 1) || n > 4294967296 || !Number.isInteger(n)) {
      throw new RangeError(`Rng.int expects an integer n in [1, 2^32], got ${n}`);
    }
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Uniform integer in [low, high] (both inclusive). */
  intRange(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  /** Standard normal draw (Marsaglia polar method; the spare value is cached). */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * m;
    this.hasSpareNormal = true;
    return u * m;
  }

  /**
   * Index drawn from a discrete distribution given by non-negative weights
   * (need not sum to 1). Reads `probs[offset .. offset + count)`.
   */
  categorical(probs: ArrayLike<number>, offset = 0, count = probs.length - offset): number {
    let total = 0;
    for (let i = 0; i < count; i++) total += probs[offset + i]!;
    let u = this.uniform() * total;
    for (let i = 0; i < count; i++) {
      u -= probs[offset + i]!;
      if (u < 0) return i;
    }
    // Rounding left u ≥ 0 after the last bucket: return the last non-zero weight.
    for (let i = count - 1; i >= 0; i--) if (probs[offset + i]! > 0) return i;
    return count - 1;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /**
   * A child stream determined by this stream's seed and `name` only: independent of
   * how many draws were taken from this stream, and of other forks.
   */
  fork(name: string): Rng {
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) {
      h ^= name.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    const [a, b, c, d] = this.seedWords;
    let state = (a ^ Math.imul(h, 0x9e3779b1)) >>> 0;
    const words: number[] = [];
    for (const w of [b, c, d, h]) {
      state = splitmix32((state ^ w) >>> 0);
      words.push(state);
    }
    return new Rng(ensureNonZero(words as [number, number, number, number]));
  }
}

/** Creates the root generator of a run from a user-facing integer seed. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed) || !Number.isInteger(seed)) {
    throw new RangeError(`seed must be a finite integer, got ${seed}`);
  }
  return new Rng(seed);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

function seedWordsFromNumber(seed: number): [number, number, number, number] {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let state = splitmix32(lo ^ 0x5bd1e995);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    state = splitmix32((state ^ hi ^ i) >>> 0);
    words.push(state);
  }
  return ensureNonZero(words as [number, number, number, number]);
}

function ensureNonZero(w: [number, number, number, number]): [number, number, number, number] {
  if (w.every((x) => x === 0)) w[0] = 1;
  return w;
}
