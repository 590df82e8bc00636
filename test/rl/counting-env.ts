import { type Rng, createRng } from '../../src/core/rng.js';
import { Box } from '../../src/rl/box.js';
import { Discrete } from '../../src/rl/discrete.js';
import type { Env, ResetOptions, ResetResult, StepResult } from '../../src/rl/env.js';

/** Info of the counting env: the step count of the episode. */
export interface CountingInfo {
  t: number;
}

/**
 * A tiny test env: observation [offset + t, t] in one reused buffer, where offset is drawn from
 * the env's Rng at reset (an integer in [0, 100)) and t counts steps; reward = action; the
 * episode ends after `length` steps, by termination or (with `truncate`) by truncation.
 */
export class CountingEnv implements Env<Float32Array, number, CountingInfo> {
  readonly observationSpace = new Box(2, 0, 1000);
  readonly actionSpace = new Discrete(3);
  resets = 0;
  private rng: Rng = createRng(0);
  private t = 0;
  private offset = 0;
  private readonly obs = new Float32Array(2);
  private readonly info: CountingInfo = { t: 0 };

  constructor(
    readonly length: number,
    readonly truncate = false,
  ) {}

  reset(options: ResetOptions = {}): ResetResult<Float32Array, CountingInfo> {
    if (options.seed !== undefined) this.rng = createRng(options.seed);
    this.resets++;
    this.t = 0;
    this.offset = this.rng.int(100);
    return { observation: this.write(), info: this.info };
  }

  step(action: number): StepResult<Float32Array, CountingInfo> {
    this.t++;
    const ended = this.t >= this.length;
    return {
      observation: this.write(),
      reward: action,
      terminated: ended && !this.truncate,
      truncated: ended && this.truncate,
      info: this.info,
    };
  }

  close(): void {}

  private write(): Float32Array {
    this.obs[0] = this.offset + this.t;
    this.obs[1] = this.t;
    this.info.t = this.t;
    return this.obs;
  }
}
