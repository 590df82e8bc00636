import type * as tf from '@tensorflow/tfjs';
import type { EvaluateResult } from '../nn/policy.js';

/** What an auxiliary loss sees of one PPO minibatch. */
export interface AuxiliaryContext {
  /** Training progress ∈ [0, 1] of the running update (for weight schedules). */
  progress: number;
  /** The minibatch's observations [M, observationSize]. */
  observations: tf.Tensor2D;
  /** The policy's evaluation of the minibatch (on the gradient path). */
  evaluation: EvaluateResult;
}

/**
 * An extra term mixed into the PPO objective: total = PPO loss + Σ weight(progress)·loss(context).
 * Used for knowledge injection — EWC (`ElasticWeightConsolidation`) and teacher distillation
 * (`PolicyDistillation`). `loss` is called inside the gradient function of every minibatch and
 * must be differentiable in the policy's trainable variables; its unweighted value is averaged
 * per update and logged under `name`.
 */
export interface AuxiliaryLoss {
  /** Key of the logged value, e.g. `ewc` or `distill`. */
  readonly name: string;
  /** Weight of the term at training progress ∈ [0, 1]. */
  weight(progress: number): number;
  /** The unweighted scalar loss of one minibatch. */
  loss(context: AuxiliaryContext): tf.Scalar;
  /** Called once per update before its epochs (e.g. to fork the update's RNG stream); `update` is 0-based. */
  beginUpdate?(update: number): void;
  /** Releases the tensors the term owns. */
  dispose?(): void;
}
