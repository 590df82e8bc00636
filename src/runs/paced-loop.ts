/** Replay speed: bars per second, or 'max' to step as fast as possible. */
export type SimulationSpeed = number | 'max';

/** Options of a {@link PacedLoop}. */
export interface PacedLoopOptions {
  /** Advances one bar; returns false when there is nothing left to step. */
  step: () => boolean;
  speed: SimulationSpeed;
  /** Most bars stepped before yielding to the event loop (keeps sockets flowing). Default 512. */
  maxChunkBars?: number;
  /** Longest stepping burst before yielding, in milliseconds. Default 10. */
  maxChunkMs?: number;
  /** Monotonic clock in milliseconds. Default `performance.now`. */
  now?: () => number;
}

/** How a paced loop ended. */
export type PacedLoopOutcome = 'completed' | 'stopped';

/**
 * Drives a step function in wall-clock time: `speed` bars per second (catching up in
 * chunks when timers are late), or unpaced at 'max', always yielding to the event loop
 * between chunks so I/O keeps flowing. Pause, resume, speed changes and stop take effect
 * between bars, so what is computed never depends on the pacing, only when.
 */
export class PacedLoop {
  private speed: SimulationSpeed;
  private stepped = 0;
  private anchorMs = 0;
  private anchorBars = 0;
  private pausedFlag = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly maxChunkBars: number;
  private readonly maxChunkMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PacedLoopOptions) {
    this.speed = options.speed;
    this.maxChunkBars = options.maxChunkBars ?? 512;
    this.maxChunkMs = options.maxChunkMs ?? 10;
    this.now = options.now ?? (() => performance.now());
  }

  /** Bars stepped so far. */
  get barsStepped(): number {
    return this.stepped;
  }

  /** True while paused. */
  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Holds the loop before its next bar. */
  pause(): void {
    this.pausedFlag = true;
  }

  /** Continues a paused loop at its current speed. */
  resume(): void {
    if (!this.pausedFlag) return;
    this.pausedFlag = false;
    this.interrupt();
  }

  /** Changes the speed from now on (bars already stepped are not re-timed). */
  setSpeed(speed: SimulationSpeed): void {
    this.speed = speed;
    this.reanchor();
    this.interrupt();
  }

  /** Ends the loop before its next bar; `run` then resolves 'stopped'. */
  stop(): void {
    this.stopped = true;
    this.interrupt();
  }

  /** Steps until the step function is exhausted ('completed') or `stop` is called. */
  async run(): Promise<PacedLoopOutcome> {
    this.reanchor();
    for (;;) {
      if (this.stopped) return 'stopped';
      if (this.pausedFlag) {
        await this.wait(null);
        this.reanchor();
        continue;
      }
      if (!this.runChunk()) return this.stopped ? 'stopped' : 'completed';
      await this.wait(this.msUntilNextBar());
    }
  }

  /** Steps the bars due now (bounded by the chunk limits); false once the source is exhausted. */
  private runChunk(): boolean {
    const target = this.speed === 'max' ? Infinity : this.anchorBars + Math.floor(((this.now() - this.anchorMs) * this.speed) / 1000) + 1;
    const deadline = this.now() + this.maxChunkMs;
    for (let i = 0; i < this.maxChunkBars && this.stepped < target; i++) {
      if (this.stopped || this.pausedFlag) return true;
      if (!this.options.step()) return false;
      this.stepped++;
      if ((i & 31) === 31 && this.now() > deadline) break;
    }
    return true;
  }

  /** 0 at 'max' (yield only), else the time until the next bar is due. */
  private msUntilNextBar(): number {
    if (this.speed === 'max') return 0;
    const dueAt = this.anchorMs + ((this.stepped - this.anchorBars) * 1000) / this.speed;
    return Math.max(0, dueAt - this.now());
  }

  private reanchor(): void {
    this.anchorMs = this.now();
    this.anchorBars = this.stepped;
  }

  /** Waits `ms` milliseconds (0 = one event-loop turn; null = until interrupted). */
  private wait(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      if (ms === null) return;
      // A stale wake-up (from a wait that was already interrupted) must not end a later wait.
      const wakeThis = () => {
        if (this.wake === resolve) this.interrupt();
      };
      if (ms === 0) setImmediate(wakeThis);
      else this.timer = setTimeout(wakeThis, Math.min(ms, 1000));
    });
  }

  private interrupt(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
