import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';
import { TradegymError } from '../core/errors.js';
import type { ActResult, EvaluateResult, Policy } from './policy.js';
import {
  type ActorCriticConfig,
  type LoraOptions,
  type ResolvedLora,
  fineTuneRole,
  resolveActorCriticConfig,
  resolveLoraOptions,
} from './actor-critic-config.js';
import type { AdaptedDense, DenseParameterCount, NamedTensor } from './adapted-dense.js';
import { categoricalFromLogits, entropyOf, logProbOfActions } from './categorical.js';
import { Mlp } from './mlp.js';
import { weightsFingerprint } from './weights-fingerprint.js';

/** Parameter counts of a policy, for reports (LoRA vs full fine-tune). */
export interface ParameterCounts {
  /** All entries: base weights + adapters. */
  total: number;
  /** Entries in `trainableVariables()`. */
  trainable: number;
  layers: DenseParameterCount[];
}

/**
 * Separate actor and critic MLPs (default tanh [128, 128]) implementing `Policy`, built from
 * plain `tf.Variable`s and the custom-gradient `denseOp` rather than tf.layers (≈3× faster
 * PPO steps on wasm, see PERF-NOTES.md). Orthogonal init from the seeded `Rng` (gain √2
 * hidden, 0.01 policy head, 1 value head), zero biases. `act` and `evaluate` share `forward`
 * and `categoricalFromLogits`: one code path from observations to log-probs, entropy and value.
 *
 * Fine-tuning: `attachAdapters` freezes the base, adds LoRA adapters to chosen layers and
 * captures a frozen reference for `baseLogProbs` (KL penalty).
 */
export class ActorCritic implements Policy {
  /** Observation length the networks take. */
  readonly observationSize: number;
  /** Number of discrete actions (policy head width). */
  readonly actionCount: number;
  private readonly actor: Mlp;
  private readonly critic: Mlp;
  private loraState: ResolvedLora | undefined;
  private attachedBaseFingerprint: string | undefined;
  private hasReference = false;

  private constructor(readonly config: ActorCriticConfig, rng: Rng) {
    this.observationSize = config.observationSize;
    this.actionCount = config.actionCount;
    const shared = { inputSize: config.observationSize, activation: config.activation, hiddenGain: Math.SQRT2 };
    this.actor = new Mlp({ ...shared, name: 'actor', hidden: config.actorHidden, outputSize: config.actionCount, headGain: 0.01 }, rng.fork('actor'));
    this.critic = new Mlp({ ...shared, name: 'critic', hidden: config.criticHidden, outputSize: 1, headGain: 1 }, rng.fork('critic'));
  }

  /** A freshly initialised, fully trainable policy; validates `options` (E_BAD_CONFIG). */
  static create(
    options: Pick<ActorCriticConfig, 'observationSize' | 'actionCount'> & Partial<ActorCriticConfig>,
    rng: Rng,
  ): ActorCritic {
    return new ActorCritic(resolveActorCriticConfig(options), rng);
  }

  /** The resolved LoRA set-up, or undefined for a plain (fully trainable) policy. */
  get lora(): ResolvedLora | undefined {
    return this.loraState;
  }

  /** All dense layers: actor hidden…, actor head, critic hidden…, critic head. */
  get layers(): readonly AdaptedDense[] {
    return [...this.actor.layers, ...this.critic.layers];
  }

  /** Policy logits [B, K] and values [B] for observations [B, obs]; differentiable. */
  forward(observations: tf.Tensor2D): { logits: tf.Tensor2D; value: tf.Tensor1D } {
    const logits = this.actor.forward(observations);
    const value = tf.reshape(this.critic.forward(observations), [observations.shape[0]]) as tf.Tensor1D;
    return { logits, value };
  }

  /** See `Policy.act`: one batched forward pass, one read-back, sampling with `rng`. */
  act(observations: Float32Array, batchSize: number, rng: Rng, greedy = false): ActResult {
    this.checkObservationLength(observations.length, batchSize);
    const k = this.actionCount;
    const packed = tf.tidy(() => {
      const { logits, value } = this.forward(tf.tensor2d(observations, [batchSize, this.observationSize]));
      const dist = categoricalFromLogits(logits);
      return tf.concat([dist.logProbs, dist.probs, tf.reshape(value, [batchSize, 1])], 1);
    });
    const data = packed.dataSync() as Float32Array;
    packed.dispose();
    const width = 2 * k + 1;
    const result: ActResult = {
      actions: new Int32Array(batchSize),
      logProbs: new Float32Array(batchSize),
      values: new Float32Array(batchSize),
      probs: new Float32Array(batchSize * k),
    };
    for (let i = 0; i < batchSize; i++) {
      const row = i * width;
      result.probs.set(data.subarray(row + k, row + 2 * k), i * k);
      const action = greedy ? argMax(data, row + k, k) : rng.categorical(data, row + k, k);
      result.actions[i] = action;
      result.logProbs[i] = data[row + action]!;
      result.values[i] = data[row + 2 * k]!;
    }
    return result;
  }

  /** See `Policy.evaluate`; also returns `allLogProbs` [B, K]. */
  evaluate(observations: tf.Tensor2D, actions: tf.Tensor1D): EvaluateResult {
    const { logits, value } = this.forward(observations);
    const dist = categoricalFromLogits(logits);
    return { logProb: logProbOfActions(dist, actions), entropy: entropyOf(dist), value, allLogProbs: dist.logProbs };
  }

  /** log π_base for every action [B, K] from the frozen reference (no gradient). */
  baseLogProbs(observations: tf.Tensor2D): tf.Tensor2D {
    if (!this.hasReference) {
      throw new TradegymError('E_ENV_STATE', 'baseLogProbs needs a base reference: call attachAdapters() or captureReference() first.');
    }
    return tf.tidy(() => categoricalFromLogits(this.actor.forwardReference(observations)).logProbs);
  }

  /** Snapshots the current base weights as the reference for `baseLogProbs` (e.g. before a full fine-tune). */
  captureReference(): void {
    for (const layer of this.layers) layer.captureReference();
    this.hasReference = true;
  }

  /** Exactly the variables to train, in layer order. */
  trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((layer) => layer.trainableVariables());
  }

  /**
   * Switches to fine-tune mode: freezes every base weight, gives the selected layers LoRA
   * adapters (A from `rng.fork('lora/<layer>')`, B = 0) — or, at rank 0, makes them fully
   * trainable — optionally unfreezes the heads, and captures the base reference.
   */
  attachAdapters(options: LoraOptions, rng: Rng): void {
    if (this.loraState) throw new TradegymError('E_BAD_ARGUMENT', 'This policy already has adapters attached.');
    const lora = resolveLoraOptions(options, this.config);
    this.attachedBaseFingerprint = this.baseFingerprint();
    this.captureReference();
    const plan: Array<['actor' | 'critic', Mlp]> = [['actor', this.actor], ['critic', this.critic]];
    for (const [network, mlp] of plan) {
      mlp.layers.forEach((layer, i) => {
        const role = fineTuneRole(lora, network, i, mlp.layers.length - 1);
        layer.setBaseTrainable(role.baseTrainable);
        if (role.adapter) layer.attachAdapter(role.rank, role.alpha, rng.fork(`lora/${layer.name}`));
      });
    }
    this.loraState = lora;
  }

  /** Folds every adapter into its kernel (atomic: on a non-finite result nothing is merged). */
  mergeAdapters(): void {
    const adapted = this.layers.filter((l) => l.rank > 0);
    const done: AdaptedDense[] = [];
    try {
      for (const layer of adapted) {
        layer.merge();
        done.push(layer);
      }
    } catch (e) {
      for (const layer of done) layer.unmerge();
      throw e;
    }
  }

  /** Restores the exact pre-merge kernels. */
  unmergeAdapters(): void {
    for (const layer of this.layers) if (layer.merged) layer.unmerge();
  }

  /** Base weights (kernels pre-merge and biases) by checkpoint name, in layer order. */
  baseWeights(): NamedTensor[] {
    return this.layers.flatMap((layer) => layer.namedWeights('base'));
  }

  /**
   * The weights every layer applies — kernel W + A·B·α/r and bias, named like base checkpoint
   * weights (`actor/hidden_0/kernel`) — as differentiable tensors (EWC penalties, drift
   * monitors). Call inside `tf.tidy` or a gradient function; the kernels of adapted layers are new tensors.
   */
  effectiveWeights(): NamedTensor[] {
    return this.layers.flatMap((layer) => [
      { name: `${layer.name}/kernel`, tensor: layer.effectiveKernel() },
      { name: `${layer.name}/bias`, tensor: layer.bias },
    ]);
  }

  /** What fine-tuning changes: adapters A, B plus any trainable base weights (heads by option). */
  adapterWeights(): NamedTensor[] {
    return this.layers.flatMap((layer) => [
      ...layer.namedWeights('adapter'),
      ...(layer.kernel.trainable ? layer.namedWeights('base') : []),
    ]);
  }

  /** Fingerprint of the base: captured when adapters were attached, else of the current base weights. */
  baseFingerprint(): string {
    return this.attachedBaseFingerprint ?? weightsFingerprint(this.baseWeights());
  }

  /** Restores the fingerprint recorded in an adapter checkpoint (model store use). */
  setBaseFingerprint(fingerprint: string): void {
    this.attachedBaseFingerprint = fingerprint;
  }

  /**
   * Copies `tensor` into the variable named by a checkpoint weight name (e.g. `actor/head/bias`).
   * Throws `E_CHECKPOINT` for an unknown name or a shape mismatch, before changing anything.
   */
  assignWeight(name: string, tensor: tf.Tensor, source: string): void {
    const variable = this.layers.map((l) => l.variableFor(name)).find((v) => v !== undefined);
    if (!variable) {
      throw new TradegymError('E_CHECKPOINT', `${source}: weight "${name}" does not exist in this network (config mismatch).`, { file: source });
    }
    if (variable.shape.join() !== tensor.shape.join()) {
      throw new TradegymError(
        'E_CHECKPOINT',
        `${source}: weight "${name}" has shape [${tensor.shape}] but the network expects [${variable.shape}].`,
        { file: source, column: name },
      );
    }
    variable.assign(tensor);
  }

  /** Total, trainable and per-layer parameter counts. */
  parameterCounts(): ParameterCounts {
    const layers = this.layers.map((l) => l.parameterCount());
    return {
      total: layers.reduce((n, l) => n + l.base + l.adapter, 0),
      trainable: layers.reduce((n, l) => n + l.trainable, 0),
      layers,
    };
  }

  /** Releases every tensor the policy owns. */
  dispose(): void {
    this.actor.dispose();
    this.critic.dispose();
  }

  private checkObservationLength(length: number, batchSize: number): void {
    if (!Number.isInteger(batchSize) || batchSize < 1 || length !== batchSize * this.observationSize) {
      throw new TradegymError(
        'E_BAD_ARGUMENT',
        `act() got ${length} observation values for batchSize ${batchSize}; expected batchSize × ${this.observationSize} = ` +
          `${batchSize * this.observationSize} (row-major, one observation per row).`,
      );
    }
  }
}

function argMax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}
