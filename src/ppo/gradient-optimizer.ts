import type * as tf from '@tensorflow/tfjs';
import type { OptimizerState } from './optimizer-state.js';

/**
 * What the PPO epochs need from an optimiser: a fixed list of variables (exactly those trained),
 * one step from gradients in that order, and the running sum of pre-clipping global gradient
 * norms (read once per update, so the device is not synced per minibatch).
 * Implementations: `HostAdam` (wasm/cpu: the update runs in JS) and `FusedAdam` (GPU backends).
 */
export interface GradientOptimizer {
  readonly variables: readonly tf.Variable[];
  /** Total number of trained scalars. */
  readonly parameterCount: number;
  /** One clipped Adam step with gradients matching `variables` (order and shapes). */
  applyGradients(gradients: readonly tf.Tensor[], learningRate: number): void;
  /** Sum of the global gradient norms (before clipping) since the last call, and the step count; resets both. */
  takeGradNormSum(): { sum: number; steps: number };
  /** Zeroes the moment estimates and the bias-correction step. */
  reset(): void;
  /** A copy of the step count and moments (for a checkpoint). */
  exportState(): OptimizerState;
  /**
   * Continues from `state` (from `exportState` of an optimiser over the same variables).
   * @throws RangeError when its length differs from `parameterCount`.
   */
  importState(state: OptimizerState): void;
  dispose(): void;
}

/** Hyper-parameters shared by the Adam implementations (PyTorch defaults except ε). */
export interface AdamOptions {
  beta1?: number;
  beta2?: number;
  /** Added to √v̂; 1e-5 as in stable-baselines3's and CleanRL's PPO (PyTorch default is 1e-8). */
  epsilon?: number;
  /** Clip the global L2 norm of the gradient to this value before the step; null = no clipping. */
  maxGradNorm?: number | null;
}
