import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';

/** What `Policy.act` returns for a batch of B observations; plain typed arrays. */
export interface ActResult {
  /** Sampled (or greedy) action per row, length B. */
  actions: Int32Array;
  /** log π(action | observation), length B. */
  logProbs: Float32Array;
  /** Critic value estimate V(observation), length B. */
  values: Float32Array;
  /** Action probabilities, row-major B × nActions. */
  probs: Float32Array;
}

/** What `Policy.evaluate` returns; tensors of shape [B], for the training graph. */
export interface EvaluateResult {
  logProb: tf.Tensor1D;
  entropy: tf.Tensor1D;
  value: tf.Tensor1D;
  /** log π(k | observation) for every action, shape [B, nActions] (for exact KL terms); optional. */
  allLogProbs?: tf.Tensor2D;
}

/**
 * An actor-critic policy over a discrete action space. `act` and `evaluate` compute
 * log-prob, entropy and value through one code path, so rollout and update never drift.
 */
export interface Policy {
  readonly observationSize: number;
  readonly actionCount: number;
  /**
   * Acts on `batchSize` observations laid out row-major in `observations`.
   * Samples with `rng` from the returned probabilities; `greedy` takes the arg-max instead.
   */
  act(observations: Float32Array, batchSize: number, rng: Rng, greedy?: boolean): ActResult;
  /** Re-scores given actions; called inside the optimizer's gradient function. */
  evaluate(observations: tf.Tensor2D, actions: tf.Tensor1D): EvaluateResult;
  /** Exactly the variables the optimizer should train (frozen ones excluded). */
  trainableVariables(): tf.Variable[];
  /**
   * Optional: log π_base(k | observation) for every action, shape [B, nActions], from a frozen
   * copy of the base policy (adapters off), for a KL(π‖π_base) penalty. Carries no gradient.
   */
  baseLogProbs?(observations: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}
