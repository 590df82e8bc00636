/**
 * A fixed-capacity ring of the most recently completed episodes (return and length),
 * like SB3's `ep_info_buffer` (a deque of the last 100 episodes). Preallocated; `push`
 * never allocates, so it can sit in a rollout loop.
 */
export class EpisodeRing {
  /** Maximum number of episodes kept; older ones are overwritten. */
  readonly capacity: number;
  private readonly returns: Float64Array;
  private readonly lengths: Int32Array;
  private next = 0;
  private filled = 0;

  /** @param capacity number of recent episodes kept (SB3 and the CartPole "solved" rule use 100). */
  constructor(capacity = 100) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`EpisodeRing capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.returns = new Float64Array(capacity);
    this.lengths = new Int32Array(capacity);
  }

  /** Number of episodes currently held (≤ capacity). */
  get size(): number {
    return this.filled;
  }

  /** Records one finished episode: undiscounted return (sum of rewards) and length in steps. */
  push(episodeReturn: number, length: number): void {
    this.returns[this.next] = episodeReturn;
    this.lengths[this.next] = length;
    this.next = (this.next + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
  }

  /** Mean return of the held episodes; undefined when none has finished yet. */
  meanReturn(): number | undefined {
    if (this.filled === 0) return undefined;
    let sum = 0;
    for (let i = 0; i < this.filled; i++) sum += this.returns[i]!;
    return sum / this.filled;
  }

  /** Mean length (steps) of the held episodes; undefined when none has finished yet. */
  meanLength(): number | undefined {
    if (this.filled === 0) return undefined;
    let sum = 0;
    for (let i = 0; i < this.filled; i++) sum += this.lengths[i]!;
    return sum / this.filled;
  }

  /** The held returns, oldest first (a new array). */
  recentReturns(): number[] {
    const out: number[] = [];
    const start = this.filled < this.capacity ? 0 : this.next;
    for (let k = 0; k < this.filled; k++) out.push(this.returns[(start + k) % this.capacity]!);
    return out;
  }

  /** Forgets every held episode. */
  clear(): void {
    this.next = 0;
    this.filled = 0;
  }
}
