import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/rng.js';
import { ActorCritic } from './actor-critic.js';
import { orthogonalKernel } from './orthogonal-init.js';

/** Options of `measureGradientStep` (defaults: the PPO benchmark shapes). */
export interface GradientStepBenchOptions {
  batchSize?: number;
  observationSize?: number;
  actionCount?: number;
  hidden?: readonly number[];
  /** Timed steps per variant (after `warmup` untimed ones). */
  steps?: number;
  warmup?: number;
}

/** Milliseconds per gradient step (grads + Adam update): median and minimum over the timed steps. */
export interface StepTiming {
  medianMs: number;
  /** The least-disturbed step; the better estimate on a shared, noisy machine. */
  minMs: number;
}

/** Timings of each variant, measured interleaved so load changes hit all of them alike. */
export interface GradientStepBenchResult {
  backend: string;
  /** Plain tf ops with autodiff (transposed matMuls, tf.tanh): the naive baseline. */
  naive: StepTiming;
  /** `ActorCritic` (custom-gradient dense op), all weights trainable. */
  fastFull: StepTiming;
  /** `ActorCritic` with rank-8 LoRA adapters on hidden layers, base frozen. */
  fastLora: StepTiming;
}

interface Variant {
  loss: () => tf.Scalar;
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
  times: number[];
}

/**
 * Micro-benchmark of one gradient step on two MLPs (actor and critic) with loss = sum of
 * outputs, minibatch 256, obs 20, 5 actions, tanh [128, 128] by default. Not a test: run it
 * from a bench script and compare ratios.
 */
export function measureGradientStep(options: GradientStepBenchOptions = {}): GradientStepBenchResult {
  const o = { batchSize: 256, observationSize: 20, actionCount: 5, hidden: [128, 128], steps: 60, warmup: 10, ...options };
  const rng = new Rng(1);
  const obs = tf.tidy(() => tf.randomUniform([o.batchSize, o.observationSize], -1, 1, 'float32', 7) as tf.Tensor2D);
  const naive = naiveNetworks(o.observationSize, o.hidden, o.actionCount, rng);
  const config = { observationSize: o.observationSize, actionCount: o.actionCount, actorHidden: o.hidden, criticHidden: o.hidden };
  const full = ActorCritic.create(config, rng.fork('full'));
  const lora = ActorCritic.create(config, rng.fork('lora'));
  lora.attachAdapters({ rank: 8, alpha: 16 }, rng.fork('adapters'));
  const variants = [
    variant(() => naive.loss(obs), naive.variables),
    variant(() => sumOutputs(full, obs), full.trainableVariables()),
    variant(() => sumOutputs(lora, obs), lora.trainableVariables()),
  ];
  for (let i = 0; i < o.warmup + o.steps; i++) {
    for (const v of variants) {
      const ms = timeStep(v);
      if (i >= o.warmup) v.times.push(ms);
    }
  }
  const [naiveT, fullT, loraT] = variants.map(summarise) as [StepTiming, StepTiming, StepTiming];
  variants.forEach((v) => v.optimizer.dispose());
  naive.variables.forEach((v) => v.dispose());
  full.dispose();
  lora.dispose();
  obs.dispose();
  return { backend: tf.getBackend(), naive: naiveT, fastFull: fullT, fastLora: loraT };
}

function variant(loss: () => tf.Scalar, variables: tf.Variable[]): Variant {
  return { loss, variables, optimizer: tf.train.adam(1e-4, 0.9, 0.999, 1e-5), times: [] };
}

function sumOutputs(policy: ActorCritic, obs: tf.Tensor2D): tf.Scalar {
  const { logits, value } = policy.forward(obs);
  return tf.add(tf.sum(logits), tf.sum(value));
}

function timeStep(v: Variant): number {
  const start = performance.now();
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(v.loss, v.variables);
    v.optimizer.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
    value.dataSync();
  });
  return performance.now() - start;
}

function summarise(v: Variant): StepTiming {
  const sorted = [...v.times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]! };
}

/** The same two MLPs written the obvious way: matMul + add + tanh, tf autodiff. */
function naiveNetworks(inputSize: number, hidden: readonly number[], actions: number, rng: Rng) {
  const variables: tf.Variable[] = [];
  const mlp = (outputSize: number, name: string) => {
    const layers: Array<[tf.Variable, tf.Variable]> = [];
    let width = inputSize;
    for (const [i, units] of [...hidden, outputSize].entries()) {
      const w = tf.variable(tf.tensor2d(orthogonalKernel(width, units, 1, rng.fork(`${name}${i}`)), [width, units]));
      const b = tf.variable(tf.zeros([units]));
      variables.push(w, b);
      layers.push([w, b]);
      width = units;
    }
    return (x: tf.Tensor2D) =>
      layers.reduce((h, [w, b], i) => {
        const z = tf.add(tf.matMul(h, w), b) as tf.Tensor2D;
        return i < layers.length - 1 ? tf.tanh(z) : z;
      }, x);
  };
  const actor = mlp(actions, 'a');
  const critic = mlp(1, 'c');
  return { variables, loss: (x: tf.Tensor2D): tf.Scalar => tf.add(tf.sum(actor(x)), tf.sum(critic(x))) };
}
