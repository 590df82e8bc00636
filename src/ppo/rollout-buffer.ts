import type { Rng } from '../core/rng.js';
import { computeGae, type GaeParams } from './gae.js';

/** Sizes of a rollout buffer. */
export interface RolloutBufferOptions {
  /** Steps per env per rollout (T). */
  nSteps: number;
  /** Parallel envs (N). */
  nEnvs: number;
  /** Observation length. */
  observationSize: number;
  /** Number of discrete actions K (row width of `referenceLogProbs`). */
  actionCount: number;
}

/** Per-transition training inputs, in some order (row i of every array is one transition). */
export interface TransitionArrays {
  /** Row-major rows × observationSize. */
  observations: Float32Array;
  actions: Int32Array;
  logProbs: Float32Array;
  values: Float32Array;
  /** Row-major rows × K: log π_ref(k|s) of a frozen reference policy (fine-tuning only). */
  referenceLogProbs: Float32Array;
  advantages: Float32Array;
  returns: Float32Array;
}

/**
 * One PPO rollout of T steps × N envs in preallocated typed arrays, time-major
 * (row `t * nEnvs + e`), like stable-baselines3's `RolloutBuffer`: the buffer owns the
 * data, the trainer owns the loss. Advantages and returns come from GAE
 * (arXiv:1506.02438, see `computeGae`). Nothing is allocated after construction.
 */
export class RolloutBuffer {
  readonly nSteps: number;
  readonly nEnvs: number;
  readonly observationSize: number;
  readonly actionCount: number;
  /** T·N; the number of transitions per rollout. */
  readonly size: number;
  /** Observations, row-major (T·N) × observationSize. */
  readonly observations: Float32Array;
  readonly actions: Int32Array;
  /** log π_old(a|s) at collection time. */
  readonly logProbs: Float32Array;
  /** V_old(s) at collection time. */
  readonly values: Float32Array;
  /** log π_ref(k|s) for every action, row-major (T·N) × K (fine-tuning KL penalty), else unused. */
  readonly referenceLogProbs: Float32Array;
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  readonly truncated: Uint8Array;
  /** V(final observation) at truncated steps (others are never read). */
  readonly finalValues: Float32Array;
  /** V(s_T) after the last step, length N. */
  readonly lastValues: Float32Array;
  readonly advantages: Float32Array;
  readonly returns: Float32Array;
  /** Minibatch order of the current epoch: a permutation of 0 … size−1. */
  readonly permutation: Int32Array;
  /** The training inputs in `permutation` order (filled by `shuffle`); minibatch k is rows [k·M, (k+1)·M). */
  readonly shuffled: TransitionArrays;

  constructor(options: RolloutBufferOptions) {
    const { nSteps, nEnvs, observationSize, actionCount } = options;
    for (const [name, v] of Object.entries(options)) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`RolloutBuffer ${name} must be a positive integer, got ${v}`);
    }
    this.nSteps = nSteps;
    this.nEnvs = nEnvs;
    this.observationSize = observationSize;
    this.actionCount = actionCount;
    this.size = nSteps * nEnvs;
    this.observations = new Float32Array(this.size * observationSize);
    this.actions = new Int32Array(this.size);
    this.logProbs = new Float32Array(this.size);
    this.values = new Float32Array(this.size);
    this.referenceLogProbs = new Float32Array(this.size * actionCount);
    this.rewards = new Float32Array(this.size);
    this.terminated = new Uint8Array(this.size);
    this.truncated = new Uint8Array(this.size);
    this.finalValues = new Float32Array(this.size);
    this.lastValues = new Float32Array(nEnvs);
    this.advantages = new Float32Array(this.size);
    this.returns = new Float32Array(this.size);
    this.permutation = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) this.permutation[i] = i;
    this.shuffled = {
      observations: new Float32Array(this.observations.length),
      actions: new Int32Array(this.size),
      logProbs: new Float32Array(this.size),
      values: new Float32Array(this.size),
      referenceLogProbs: new Float32Array(this.size * actionCount),
      advantages: new Float32Array(this.size),
      returns: new Float32Array(this.size),
    };
  }

  /** Stores step t's observations (N × observationSize, copied) and the policy's outputs. */
  recordAction(t: number, observations: Float32Array, actions: Int32Array, logProbs: Float32Array, values: Float32Array): void {
    const row = t * this.nEnvs;
    this.observations.set(observations.subarray(0, this.nEnvs * this.observationSize), row * this.observationSize);
    this.actions.set(actions.subarray(0, this.nEnvs), row);
    this.logProbs.set(logProbs.subarray(0, this.nEnvs), row);
    this.values.set(values.subarray(0, this.nEnvs), row);
  }

  /** Stores step t's rewards and episode-end flags (length N each). */
  recordOutcome(t: number, rewards: ArrayLike<number>, terminated: ArrayLike<number | boolean>, truncated: ArrayLike<number | boolean>): void {
    const row = t * this.nEnvs;
    for (let e = 0; e < this.nEnvs; e++) {
      this.rewards[row + e] = rewards[e]!;
      this.terminated[row + e] = terminated[e] ? 1 : 0;
      this.truncated[row + e] = truncated[e] ? 1 : 0;
    }
  }

  /** Stores V(final observation) of env e's truncated step t, for bootstrapping. */
  recordFinalValue(t: number, e: number, value: number): void {
    this.finalValues[t * this.nEnvs + e] = value;
  }

  /** Runs GAE with V(s_T) = `lastValues` (length N), filling advantages and returns. */
  computeReturnsAndAdvantages(lastValues: Float32Array, params: GaeParams): void {
    this.lastValues.set(lastValues.subarray(0, this.nEnvs));
    computeGae(this, params, this);
  }

  /**
   * Draws a fresh minibatch order for the next epoch (Fisher–Yates with `rng`) and
   * gathers the training inputs into `shuffled` in that order, so each minibatch is a
   * contiguous slice that can be uploaded without a device-side gather.
   */
  shuffle(rng: Rng): TransitionArrays {
    for (let i = 0; i < this.size; i++) this.permutation[i] = i;
    rng.shuffle(this.permutation);
    const out = this.shuffled;
    const d = this.observationSize;
    const k = this.actionCount;
    for (let i = 0; i < this.size; i++) {
      const j = this.permutation[i]!;
      out.observations.set(this.observations.subarray(j * d, j * d + d), i * d);
      out.actions[i] = this.actions[j]!;
      out.logProbs[i] = this.logProbs[j]!;
      out.values[i] = this.values[j]!;
      out.referenceLogProbs.set(this.referenceLogProbs.subarray(j * k, j * k + k), i * k);
      out.advantages[i] = this.advantages[j]!;
      out.returns[i] = this.returns[j]!;
    }
    return out;
  }
}
