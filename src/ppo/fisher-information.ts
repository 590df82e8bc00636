import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import { applyActivation } from '../nn/activation.js';
import type { ActorCritic } from '../nn/actor-critic.js';
import type { AdaptedDense } from '../nn/adapted-dense.js';

/** Options of {@link diagonalFisher}. */
export interface FisherOptions {
  /**
   * Also estimate the critic's Fisher under a unit-variance Gaussian likelihood, E[(∂V/∂θ)²]
   * (default false: only the policy, whose Fisher is what "forgetting the old behaviour" means;
   * critic parameters then get no entry and are not penalised).
   */
  includeCritic?: boolean;
  /** Rows per batched backward pass (default 512). */
  batchSize?: number;
}

/** The diagonal Fisher information of a policy, per parameter (`actor/hidden_0/kernel`, …). */
export interface DiagonalFisher {
  /** F with the parameter's shape, row-major, averaged over the states. */
  values: Map<string, Float32Array>;
  shapes: Map<string, number[]>;
  /** Number of states it was estimated on. */
  states: number;
}

/**
 * Diagonal Fisher information of the policy at its current weights (call it on the base),
 * over `count` states (rows of `observations`):
 * F_i = E_s Σ_a π(a|s)·(∂ log π(a|s)/∂θ_i)² — the exact expectation over the categorical
 * policy's actions (the "true" Fisher, not the empirical one on logged actions), as EWC uses
 * (Kirkpatrick et al. 2017, arXiv:1612.00796). Per-sample squared gradients come batched:
 * for a dense layer z = h·W + b, ∂ℓ_n/∂W = h_nᵀ·δ_n, so Σ_n w_n(∂ℓ_n/∂W)² = (h²·w)ᵀ·δ² with
 * δ_n = ∂ℓ_n/∂z_n read from one backward pass of Σ_n ℓ_n (Goodfellow 2015, "Efficient per-example
 * gradient computations", arXiv:1510.01799). Cost: K + 1 batched backward passes per chunk.
 * Adapters are folded in (W + A·B·α/r).
 */
export function diagonalFisher(policy: ActorCritic, observations: Float32Array, count: number, options: FisherOptions = {}): DiagonalFisher {
  const d = policy.observationSize;
  if (!Number.isInteger(count) || count < 1 || observations.length < count * d) {
    throw new TradegymError('E_BAD_ARGUMENT', `diagonalFisher needs ≥ 1 state of ${d} values; got ${observations.length} values for ${count} states.`);
  }
  const actor = policy.layers.filter((l) => l.name.startsWith('actor/'));
  const critic = policy.layers.filter((l) => l.name.startsWith('critic/'));
  const sums = new Map<string, Float64Array>();
  const shapes = new Map<string, number[]>();
  const networks = options.includeCritic ? [actor, critic] : [actor];
  for (const layer of networks.flat()) {
    sums.set(`${layer.name}/kernel`, new Float64Array(layer.inputSize * layer.units));
    sums.set(`${layer.name}/bias`, new Float64Array(layer.units));
    shapes.set(`${layer.name}/kernel`, [layer.inputSize, layer.units]).set(`${layer.name}/bias`, [layer.units]);
  }
  const batch = options.batchSize ?? 512;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const x = tf.tensor2d(observations.subarray(start * d, (start + n) * d), [n, d]);
    accumulateActor(actor, x, policy.actionCount, sums);
    if (options.includeCritic) accumulateCritic(critic, x, sums);
    x.dispose();
  }
  const values = new Map<string, Float32Array>();
  for (const [name, sum] of sums) values.set(name, Float32Array.from(sum, (v) => v / count));
  return { values, shapes, states: count };
}

/** Forward pass with additive zero perturbations ε_l on every pre-activation, so ∂ℓ/∂ε_l = δ_l. */
function forward(layers: readonly AdaptedDense[], x: tf.Tensor2D, perturbations: readonly tf.Tensor[]): { output: tf.Tensor2D; inputs: tf.Tensor2D[] } {
  const inputs: tf.Tensor2D[] = [];
  let h = x;
  layers.forEach((layer, l) => {
    inputs.push(h);
    const z = tf.add(tf.add(tf.matMul(h, layer.effectiveKernel()), layer.bias), perturbations[l]!) as tf.Tensor2D;
    h = applyActivation(z, layer.activation);
  });
  return { output: h, inputs };
}

/** Adds Σ_n w_n·(∂ℓ_n/∂θ)² for the layers' kernels and biases, given δ_l and per-row weights w [n, 1]. */
function addSquaredGrads(layers: readonly AdaptedDense[], inputs: readonly tf.Tensor2D[], deltas: readonly tf.Tensor[], weights: tf.Tensor, sums: Map<string, Float64Array>): void {
  layers.forEach((layer, l) => {
    const delta2 = tf.square(deltas[l]!);
    const kernel = tf.matMul(tf.transpose(tf.mul(tf.square(inputs[l]!), weights)), delta2).dataSync();
    const bias = tf.sum(tf.mul(delta2, weights), 0).dataSync();
    addInto(sums.get(`${layer.name}/kernel`)!, kernel);
    addInto(sums.get(`${layer.name}/bias`)!, bias);
  });
}

function accumulateActor(layers: readonly AdaptedDense[], x: tf.Tensor2D, actionCount: number, sums: Map<string, Float64Array>): void {
  tf.tidy(() => {
    const zeros = layers.map((l) => tf.zeros([x.shape[0], l.units]));
    const { output, inputs } = forward(layers, x, zeros);
    const probs = tf.softmax(output);
    for (let a = 0; a < actionCount; a++) {
      const pick = tf.oneHot(tf.fill([x.shape[0]], a, 'int32') as tf.Tensor1D, actionCount);
      const deltas = tf.grads((...eps: tf.Tensor[]) => tf.sum(tf.mul(tf.logSoftmax(forward(layers, x, eps).output), pick)))(zeros);
      addSquaredGrads(layers, inputs, deltas, tf.slice(probs, [0, a], [-1, 1]), sums);
    }
  });
}

function accumulateCritic(layers: readonly AdaptedDense[], x: tf.Tensor2D, sums: Map<string, Float64Array>): void {
  tf.tidy(() => {
    const zeros = layers.map((l) => tf.zeros([x.shape[0], l.units]));
    const { inputs } = forward(layers, x, zeros);
    const deltas = tf.grads((...eps: tf.Tensor[]) => tf.sum(forward(layers, x, eps).output))(zeros);
    addSquaredGrads(layers, inputs, deltas, tf.ones([x.shape[0], 1]), sums);
  });
}

function addInto(target: Float64Array, values: ArrayLike<number>): void {
  for (let i = 0; i < target.length; i++) target[i]! += values[i]!;
}
