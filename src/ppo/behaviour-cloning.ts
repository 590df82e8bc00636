import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';
import type { Policy } from '../nn/policy.js';
import { createAdam } from './create-adam.js';
import {
  checkDistillationData,
  createDistillationBatch,
  gatherDistillationBatch,
  type DistillationData,
} from './distillation-data.js';
import { distillationLoss } from './distillation-loss.js';

/** Options of {@link cloneBehaviour}. */
export interface BehaviourCloningOptions {
  /** Passes over the demonstrations. */
  epochs: number;
  /** Rows per gradient step (default 256). */
  batchSize?: number;
  /** Adam learning rate (default 1e-3). */
  learningRate?: number;
  /** Student temperature τ (default 1). */
  temperature?: number;
  /** Global gradient-norm clip (default 0.5, as PPO). */
  maxGradNorm?: number | null;
  /** Shuffles the rows each epoch. */
  rng: Rng;
  /** Called after every epoch with its 1-based index and mean loss. */
  onEpoch?: (epoch: number, meanLoss: number) => void;
}

/** How behaviour cloning went. */
export interface BehaviourCloningResult {
  /** Mean distillation loss of each epoch. */
  epochLosses: number[];
  gradientSteps: number;
  seconds: number;
}

/**
 * Behaviour cloning / offline policy distillation: minimises τ²·KL(p_T‖p_S^τ) (cross-entropy on
 * one-hot targets) of `policy` on the teacher's demonstrations with Adam, in shuffled
 * minibatches, training exactly `policy.trainableVariables()` (Rusu et al. 2015,
 * arXiv:1511.06295; Hinton et al. 2015, arXiv:1503.02531). Used as the pretraining stage of a
 * distilled student before PPO. Only the policy head's path receives gradient; the critic is untouched.
 */
export function cloneBehaviour(policy: Policy, data: DistillationData, options: BehaviourCloningOptions): BehaviourCloningResult {
  checkDistillationData(data, policy.observationSize, policy.actionCount);
  const size = Math.min(options.batchSize ?? 256, data.count);
  const batch = createDistillationBatch(data, size);
  const optimizer = createAdam('auto', policy.trainableVariables(), { epsilon: 1e-5, maxGradNorm: options.maxGradNorm === undefined ? 0.5 : options.maxGradNorm });
  const order = new Int32Array(data.count);
  const steps = Math.ceil(data.count / size);
  const epochLosses: number[] = [];
  const started = performance.now();
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = 0; i < data.count; i++) order[i] = i;
      options.rng.shuffle(order);
      let sum = 0;
      for (let s = 0; s < steps; s++) {
        gatherDistillationBatch(data, batch, order, s * size);
        sum += step(policy, optimizer, batch, data, options);
      }
      epochLosses.push(sum / steps);
      options.onEpoch?.(epoch + 1, sum / steps);
    }
  } finally {
    optimizer.dispose();
  }
  return { epochLosses, gradientSteps: steps * options.epochs, seconds: (performance.now() - started) / 1000 };
}

function step(
  policy: Policy,
  optimizer: ReturnType<typeof createAdam>,
  batch: ReturnType<typeof createDistillationBatch>,
  data: DistillationData,
  options: BehaviourCloningOptions,
): number {
  return tf.tidy(() => {
    const observations = tf.tensor2d(batch.observations, [batch.size, data.observationSize]);
    const targets = tf.tensor2d(batch.targets, [batch.size, data.actionCount]);
    const actions = tf.zeros([batch.size], 'int32') as tf.Tensor1D;
    let lossValue: tf.Scalar | undefined;
    const { grads } = tf.engine().gradients(
      () => {
        const allLogProbs = policy.evaluate(observations, actions).allLogProbs;
        if (allLogProbs === undefined) throw new RangeError('behaviour cloning needs Policy.evaluate to return allLogProbs');
        lossValue = tf.keep(distillationLoss(allLogProbs, targets, options.temperature ?? 1));
        return lossValue;
      },
      optimizer.variables as tf.Variable[],
      undefined,
      true,
    );
    optimizer.applyGradients(grads.map((g, i) => g ?? tf.zerosLike(optimizer.variables[i]!)), options.learningRate ?? 1e-3);
    const value = lossValue!.dataSync()[0]!;
    lossValue!.dispose();
    return value;
  });
}
