/**
 * The last `capacity` items pushed, oldest first: a ring buffer with O(1) push and no
 * growth beyond its capacity, so a long run's replay history costs bounded memory.
 */
export class BoundedHistory<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private count = 0;

  /** @param capacity Most items kept (≥ 1); older ones are forgotten. */
  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Number of items held (≤ capacity). */
  get size(): number {
    return this.count;
  }

  /** Appends an item, forgetting the oldest when full. */
  push(item: T): void {
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count++;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The held items, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }
}
