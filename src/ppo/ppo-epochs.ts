import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';
import type { Policy } from '../nn/policy.js';
import type { AuxiliaryLoss } from './auxiliary-loss.js';
import type { GradientOptimizer } from './gradient-optimizer.js';
import { ppoLoss, type PpoLossOptions } from './ppo-loss.js';
import type { RolloutBuffer, TransitionArrays } from './rollout-buffer.js';

/** Settings of one update's optimisation phase. */
export interface PpoEpochsOptions {
  nEpochs: number;
  minibatchSize: number;
  /** Adam learning rate for this update (already annealed). */
  learningRate: number;
  /** Loss coefficients for this update (clip range already annealed). */
  loss: PpoLossOptions;
  /** Stop after an epoch whose mean approx KL exceeds this; null = run every epoch. */
  targetKl: number | null;
  /** The buffer holds reference log-probs: monitor (and, with `loss.klCoef` > 0, penalise) KL(π‖π_ref). */
  withReference: boolean;
  /** Extra loss terms (EWC, distillation) with their weights for this update; default none. */
  auxiliary?: readonly WeightedAuxiliaryLoss[];
  /** Training progress ∈ [0, 1] of this update, passed to the auxiliary losses. */
  progress?: number;
}

/** An auxiliary loss and the weight it has in this update. */
export interface WeightedAuxiliaryLoss {
  loss: AuxiliaryLoss;
  weight: number;
}

/** Means over every minibatch step of one update. */
export interface PpoEpochsResult {
  policyLoss: number;
  valueLoss: number;
  entropy: number;
  approxKl: number;
  clipFraction: number;
  /** Mean KL(π‖π_ref) at the minibatch states (0 without reference log-probs). */
  referenceKl: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
  /** Epochs actually run (fewer than asked when the target KL stopped the update). */
  epochsRun: number;
  /** Gradient steps taken. */
  gradientSteps: number;
  /** Mean unweighted value of each auxiliary loss, by name (empty without). */
  auxiliary: Record<string, number>;
}

/** Number of PPO statistics stacked per minibatch (auxiliary losses follow them). */
const PPO_STAT_COUNT = 6;
const APPROX_KL = 3;

/**
 * The optimisation phase of PPO (arXiv:1707.06347, Algorithm 1): `nEpochs` passes over the
 * rollout in freshly shuffled minibatches, each a single gradient of the whole actor + critic
 * loss and one Adam step. Minibatches are contiguous slices of the buffer's shuffled copy,
 * uploaded as tensors (≈7 µs per minibatch on wasm, against ≈190 µs for `tf.gather` from a
 * rollout uploaded once). Loss statistics stay on the device and are summed there; the host
 * reads them once per update (once per epoch with a target KL).
 */
export function runPpoEpochs(policy: Policy, optimizer: GradientOptimizer, buffer: RolloutBuffer, rng: Rng, options: PpoEpochsOptions): PpoEpochsResult {
  const minibatches = buffer.size / options.minibatchSize;
  const statCount = PPO_STAT_COUNT + (options.auxiliary?.length ?? 0);
  let total = tf.zeros([statCount]);
  let epochsRun = 0;
  for (let epoch = 0; epoch < options.nEpochs; epoch++) {
    const data = buffer.shuffle(rng);
    let epochSum = tf.zeros([statCount]);
    for (let k = 0; k < minibatches; k++) {
      const next = tf.tidy(() => {
        const stats = minibatchStep(policy, optimizer, data, k * options.minibatchSize, options);
        const sum = tf.add(epochSum, stats);
        stats.dispose(); // kept (tf.keep) inside the gradient function, so tidy would not free it
        return sum;
      });
      epochSum.dispose();
      epochSum = next;
    }
    const nextTotal = tf.add(total, epochSum);
    total.dispose();
    total = nextTotal;
    epochsRun++;
    const stop = options.targetKl !== null && epochSum.dataSync()[APPROX_KL]! / minibatches > options.targetKl;
    epochSum.dispose();
    if (stop) break;
  }
  const sums = total.dataSync();
  total.dispose();
  const steps = epochsRun * minibatches;
  const mean = (i: number) => sums[i]! / steps;
  const norms = optimizer.takeGradNormSum();
  return {
    policyLoss: mean(0),
    valueLoss: mean(1),
    entropy: mean(2),
    approxKl: mean(3),
    clipFraction: mean(4),
    referenceKl: mean(5),
    gradNorm: norms.sum / norms.steps,
    epochsRun,
    gradientSteps: steps,
    auxiliary: Object.fromEntries((options.auxiliary ?? []).map(({ loss }, i) => [loss.name, mean(PPO_STAT_COUNT + i)])),
  };
}

function referenceRows(data: TransitionArrays, start: number, size: number): tf.Tensor2D {
  const k = data.referenceLogProbs.length / data.actions.length;
  return tf.tensor2d(data.referenceLogProbs.subarray(start * k, (start + size) * k), [size, k]);
}

/**
 * One gradient step on rows [start, start + minibatchSize) of PPO loss + Σ weight·auxiliary loss;
 * returns its 6 PPO statistics followed by the unweighted auxiliary losses, as a tensor.
 */
function minibatchStep(policy: Policy, optimizer: GradientOptimizer, data: TransitionArrays, start: number, options: PpoEpochsOptions): tf.Tensor1D {
  const size = options.minibatchSize;
  const end = start + size;
  const d = data.observations.length / data.actions.length;
  const observations = tf.tensor2d(data.observations.subarray(start * d, end * d), [size, d]);
  const actions = tf.tensor1d(data.actions.subarray(start, end), 'int32');
  const column = (values: Float32Array) => tf.tensor1d(values.subarray(start, end));
  const batch = {
    oldLogProbs: column(data.logProbs),
    oldValues: column(data.values),
    advantages: column(data.advantages),
    returns: column(data.returns),
    referenceLogProbs: options.withReference ? referenceRows(data, start, size) : undefined,
  };
  let stats: tf.Tensor1D | undefined;
  const { grads } = tf.engine().gradients(
    () => {
      const evaluation = policy.evaluate(observations, actions);
      const terms = ppoLoss({ ...evaluation, ...batch }, options.loss);
      const auxiliary = options.auxiliary ?? [];
      const extra = auxiliary.map(({ loss }) => loss.loss({ progress: options.progress ?? 0, observations, evaluation }));
      stats = tf.keep(tf.stack([terms.policyLoss, terms.valueLoss, terms.entropy, terms.approxKl, terms.clipFraction, terms.referenceKl, ...extra]) as tf.Tensor1D);
      return extra.length === 0 ? terms.loss : (tf.addN([terms.loss, ...extra.map((x, i) => tf.mul(x, auxiliary[i]!.weight))]) as tf.Scalar);
    },
    optimizer.variables as tf.Variable[],
    undefined,
    true,
  );
  optimizer.applyGradients(grads.map((g, i) => g ?? tf.zerosLike(optimizer.variables[i]!)), options.learningRate);
  return stats!;
}
