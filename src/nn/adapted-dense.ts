import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';
import { TradegymError } from '../core/errors.js';
import type { Activation } from './activation.js';
import { type DenseTensors, denseOp, gradFlagsOf } from './dense-op.js';
import { loraDownInit } from './lora-init.js';
import { mergeLoraKernel } from './lora-merge.js';

/** A weight tensor with its checkpoint name (e.g. `actor/hidden_0/lora_a`). */
export interface NamedTensor {
  name: string;
  tensor: tf.Tensor;
}

/** Parameter counts of one dense layer, for reports. */
export interface DenseParameterCount {
  name: string;
  inputSize: number;
  units: number;
  /** LoRA rank (0 = no adapter). */
  rank: number;
  /** Kernel + bias entries. */
  base: number;
  /** A + B entries. */
  adapter: number;
  /** Entries the optimizer updates. */
  trainable: number;
}

interface LoraAdapter {
  rank: number;
  alpha: number;
  loraA: tf.Variable<tf.Rank.R2>;
  loraB: tf.Variable<tf.Rank.R2>;
}

/**
 * One dense layer of the functional actor-critic: base kernel [in, out] and bias as
 * `tf.Variable`s, plus an optional LoRA adapter (A [in, r] seeded, B [r, out] zeros, scale α/r).
 * Forward and backward go through `denseOp` (custom gradient, fast on wasm). The same layout
 * and math back the `LoraDense` tf.layers class.
 */
export class AdaptedDense {
  /** Base kernel W [in, out] (frozen in fine-tune mode). */
  readonly kernel: tf.Variable<tf.Rank.R2>;
  /** Base bias b [out]. */
  readonly bias: tf.Variable<tf.Rank.R1>;
  private adapter: LoraAdapter | undefined;
  /** The exact pre-merge kernel while merged. */
  private originalKernel: tf.Tensor2D | undefined;
  /** Frozen copy of the base weights for reference (KL) forward passes. */
  private reference: { kernel: tf.Tensor2D; bias: tf.Tensor1D } | undefined;

  /**
   * @param kernel row-major [inputSize, units] initial kernel.
   * @param bias initial bias (zeros when omitted).
   */
  constructor(
    readonly name: string,
    readonly inputSize: number,
    readonly units: number,
    readonly activation: Activation,
    kernel: Float32Array,
    bias?: Float32Array,
  ) {
    this.kernel = tf.tidy(() => tf.variable(tf.tensor2d(kernel, [inputSize, units]), true));
    this.bias = tf.tidy(() => tf.variable(bias ? tf.tensor1d(bias) : tf.zeros([units]), true));
  }

  /** LoRA rank of the attached adapter (0 when none). */
  get rank(): number {
    return this.adapter?.rank ?? 0;
  }

  /** α of the attached adapter (undefined when none). */
  get alpha(): number | undefined {
    return this.adapter?.alpha;
  }

  /** True between `merge()` and `unmerge()`. */
  get merged(): boolean {
    return this.originalKernel !== undefined;
  }

  /** Marks the base kernel and bias trainable or frozen. */
  setBaseTrainable(trainable: boolean): void {
    this.kernel.trainable = trainable;
    this.bias.trainable = trainable;
  }

  /** Attaches a trainable LoRA adapter: A ~ U(±1/√in) from `rng`, B = 0. */
  attachAdapter(rank: number, alpha: number, rng: Rng): void {
    if (this.adapter) throw new TradegymError('E_BAD_ARGUMENT', `Layer "${this.name}" already has a LoRA adapter.`);
    const a = loraDownInit(this.inputSize, rank, rng);
    this.adapter = {
      rank,
      alpha,
      loraA: tf.tidy(() => tf.variable(tf.tensor2d(a, [this.inputSize, rank]), true)),
      loraB: tf.tidy(() => tf.variable(tf.zeros([rank, this.units]), true)),
    };
  }

  /** y = act(x·W + b + x·A·B·α/r); `inputNeedsGrad` when an upstream layer trains. */
  forward(x: tf.Tensor2D, inputNeedsGrad: boolean): tf.Tensor2D {
    const tensors = this.denseTensors();
    return denseOp(x, tensors, this.activation, gradFlagsOf(tensors, inputNeedsGrad));
  }

  /** The base layer's output from the frozen reference copy (adapters off, no gradients). */
  forwardReference(x: tf.Tensor2D): tf.Tensor2D {
    if (!this.reference) {
      throw new TradegymError('E_ENV_STATE', `Layer "${this.name}" has no reference copy; call captureReference() first.`);
    }
    const tensors: DenseTensors = { kernel: this.reference.kernel, bias: this.reference.bias, loraScale: 0 };
    return denseOp(x, tensors, this.activation, { input: false, kernel: false, bias: false, lora: false });
  }

  /** Snapshots the current base weights (pre-merge) as the reference; shares memory until they change. */
  captureReference(): void {
    this.disposeReference();
    this.reference = {
      kernel: tf.keep(tf.clone(this.originalKernel ?? this.kernel)),
      bias: tf.keep(tf.clone(this.bias)),
    };
  }

  /** True if any of this layer's variables is trainable. */
  hasTrainable(): boolean {
    return this.trainableVariables().length > 0;
  }

  /** The trainable variables, in the order kernel, bias, A, B. */
  trainableVariables(): tf.Variable[] {
    const all: tf.Variable[] = [this.kernel, this.bias];
    if (this.adapter && !this.merged) all.push(this.adapter.loraA, this.adapter.loraB);
    return all.filter((v) => v.trainable);
  }

  /** Folds A·B·α/r into the kernel (refuses non-finite results; the layer is then unchanged). */
  merge(): void {
    if (!this.adapter) throw new TradegymError('E_BAD_ARGUMENT', `Layer "${this.name}" has no LoRA adapter to merge.`);
    if (this.merged) throw new TradegymError('E_BAD_ARGUMENT', `Layer "${this.name}" is already merged.`);
    const merged = this.mergedKernel();
    this.originalKernel = tf.keep(tf.clone(this.kernel));
    this.kernel.assign(merged);
    merged.dispose();
  }

  /** Restores the exact pre-merge kernel. */
  unmerge(): void {
    if (!this.originalKernel) throw new TradegymError('E_BAD_ARGUMENT', `Layer "${this.name}" is not merged.`);
    this.kernel.assign(this.originalKernel);
    this.originalKernel.dispose();
    this.originalKernel = undefined;
  }

  /** A new tensor W + A·B·α/r (the base kernel when there is no adapter); does not mutate. */
  mergedKernel(): tf.Tensor2D {
    const base = this.originalKernel ?? this.kernel;
    if (!this.adapter) return tf.clone(base);
    const { loraA, loraB, alpha, rank } = this.adapter;
    return mergeLoraKernel(base, loraA, loraB, alpha / rank, this.name);
  }

  /**
   * The kernel this layer applies, W + A·B·α/r (just W while merged or without an adapter), as a
   * differentiable expression of its variables — for penalties on effective weights (EWC) inside
   * a gradient function or `tf.tidy`. Unlike `mergedKernel` it does not check finiteness.
   */
  effectiveKernel(): tf.Tensor2D {
    const adapter = this.adapter && !this.merged ? this.adapter : undefined;
    if (!adapter) return this.kernel;
    return tf.add(this.kernel, tf.mul(tf.matMul(adapter.loraA, adapter.loraB), adapter.alpha / adapter.rank));
  }

  /** The frozen reference copy of the base weights (see `captureReference`), or undefined. */
  referenceWeights(): { kernel: tf.Tensor2D; bias: tf.Tensor1D } | undefined {
    return this.reference;
  }

  /** Checkpoint tensors: base = kernel (pre-merge) and bias; adapter = A and B. */
  namedWeights(kind: 'base' | 'adapter'): NamedTensor[] {
    if (kind === 'base') {
      return [
        { name: `${this.name}/kernel`, tensor: this.originalKernel ?? this.kernel },
        { name: `${this.name}/bias`, tensor: this.bias },
      ];
    }
    if (!this.adapter) return [];
    return [
      { name: `${this.name}/lora_a`, tensor: this.adapter.loraA },
      { name: `${this.name}/lora_b`, tensor: this.adapter.loraB },
    ];
  }

  /** The variable a checkpoint name refers to, or undefined. */
  variableFor(weightName: string): tf.Variable | undefined {
    const suffix = weightName.slice(this.name.length + 1);
    if (!weightName.startsWith(`${this.name}/`)) return undefined;
    if (suffix === 'kernel') return this.kernel;
    if (suffix === 'bias') return this.bias;
    if (suffix === 'lora_a') return this.adapter?.loraA;
    if (suffix === 'lora_b') return this.adapter?.loraB;
    return undefined;
  }

  /** Parameter counts (base, adapter, trainable). */
  parameterCount(): DenseParameterCount {
    const base = this.inputSize * this.units + this.units;
    const adapter = this.rank * (this.inputSize + this.units);
    const trainable = this.trainableVariables().reduce((n, v) => n + v.size, 0);
    return { name: this.name, inputSize: this.inputSize, units: this.units, rank: this.rank, base, adapter, trainable };
  }

  /** Releases every tensor this layer owns. */
  dispose(): void {
    this.kernel.dispose();
    this.bias.dispose();
    this.adapter?.loraA.dispose();
    this.adapter?.loraB.dispose();
    this.originalKernel?.dispose();
    this.disposeReference();
  }

  private disposeReference(): void {
    this.reference?.kernel.dispose();
    this.reference?.bias.dispose();
    this.reference = undefined;
  }

  private denseTensors(): DenseTensors {
    const adapter = this.adapter && !this.merged ? this.adapter : undefined;
    return {
      kernel: this.kernel,
      bias: this.bias,
      loraA: adapter?.loraA,
      loraB: adapter?.loraB,
      loraScale: adapter ? adapter.alpha / adapter.rank : 0,
    };
  }
}
