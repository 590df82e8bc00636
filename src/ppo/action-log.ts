/**
 * Every action a PPO run has taken, one byte per env step in rollout order (step-major:
 * step t of env e at t·nEnvs + e), so a resumed run can re-drive its envs to the exact state
 * they were in when it stopped (`replayActions`). 1 MB per million env steps.
 */
export class ActionLog {
  private data: Uint8Array;
  private size = 0;

  /** @param initial a log to continue (copied). */
  constructor(initial: Uint8Array = new Uint8Array(0)) {
    this.data = new Uint8Array(Math.max(1024, initial.length * 2));
    this.data.set(initial);
    this.size = initial.length;
  }

  /** Number of actions logged. */
  get length(): number {
    return this.size;
  }

  /**
   * Appends `actions` (each in 0…255).
   * @throws RangeError for an action that does not fit a byte.
   */
  append(actions: Int32Array): void {
    if (this.size + actions.length > this.data.length) {
      const grown = new Uint8Array(Math.max(this.data.length * 2, this.size + actions.length));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      if (a < 0 || a > 255) throw new RangeError(`ActionLog stores actions 0…255; got ${a}`);
      this.data[this.size + i] = a;
    }
    this.size += actions.length;
  }

  /** A copy of the logged actions. */
  snapshot(): Uint8Array {
    return this.data.slice(0, this.size);
  }
}
