import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { ACTIVATIONS, type Activation, isActivation } from './activation.js';
import { type DenseTensors, denseOp, gradFlagsOf } from './dense-op.js';
import { loraDownInit } from './lora-init.js';
import { mergeLoraKernel } from './lora-merge.js';
import { orthogonalKernel } from './orthogonal-init.js';

type BaseLayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Constructor arguments (and serialised config) of `LoraDense`. */
export interface LoraDenseArgs extends BaseLayerArgs {
  /** Output width (> 0). */
  units: number;
  /** LoRA rank r (integer ≥ 0); 0 = a plain, fully trainable dense layer. */
  rank: number;
  /** LoRA α (> 0); the update is scaled by α/r. Default: r (scale 1). */
  alpha?: number;
  /** Default `linear`. */
  activation?: Activation;
  /** Seed of the layer's own `Rng` (kernel init and A init). Default 0. */
  seed?: number;
  /** Orthogonal-init gain of a freshly built kernel. Default 1. */
  kernelGain?: number;
  /** Set by serialisation when saved while merged: the kernel already holds the update. */
  merged?: boolean;
}

/**
 * A registered tfjs layer: y = act(x·W + b + (x·A)·B·α/r)  (LoRA, arXiv:2106.09685), with the
 * base kernel W and bias b frozen and A [in, r] (Kaiming-uniform from the seeded `Rng`),
 * B [r, out] (zeros) trainable, so at step 0 it equals its base. Rank 0 is a plain trainable
 * dense layer. It runs the same custom-gradient `denseOp` and weight layout as the functional
 * actor-critic, so it is fast on wasm too. `merge()` / `unmerge()` fold the update in and out.
 */
export class LoraDense extends tf.layers.Layer {
  /** Registered class name (tf.serialization). */
  static className = 'LoraDense';
  readonly units: number;
  readonly rank: number;
  readonly alpha: number;
  readonly activation: Activation;
  readonly seed: number;
  readonly kernelGain: number;
  private kernel: tf.LayerVariable | undefined;
  private bias: tf.LayerVariable | undefined;
  private loraA: tf.LayerVariable | undefined;
  private loraB: tf.LayerVariable | undefined;
  private originalKernel: tf.Tensor2D | undefined;
  private mergedOnLoad: boolean;

  constructor(args: LoraDenseArgs) {
    super(args);
    validateArgs(args);
    this.units = args.units;
    this.rank = args.rank;
    this.alpha = args.alpha ?? Math.max(args.rank, 1);
    this.activation = args.activation ?? 'linear';
    this.seed = args.seed ?? 0;
    this.kernelGain = args.kernelGain ?? 1;
    this.mergedOnLoad = args.merged === true;
  }

  /** True while the adapter update is folded into the kernel. */
  get merged(): boolean {
    return this.originalKernel !== undefined || this.mergedOnLoad;
  }

  /** Creates W (seeded orthogonal), b (zeros) and, for rank > 0, A (seeded) and B (zeros). */
  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputSize = shape[shape.length - 1];
    if (typeof inputSize !== 'number' || inputSize < 1) {
      throw new TradegymError('E_BAD_ARGUMENT', `LoraDense "${this.name}" needs a known last input dimension, got [${shape}].`);
    }
    const rng = new Rng(this.seed);
    const full = this.rank === 0;
    const zeros = tf.initializers.zeros();
    this.kernel = this.addWeight('kernel', [inputSize, this.units], 'float32', zeros, undefined, full);
    const kernelValues = orthogonalKernel(inputSize, this.units, this.kernelGain, rng.fork('kernel'));
    tf.tidy(() => {
      this.kernel!.write(tf.tensor2d(kernelValues, [inputSize, this.units]));
    });
    this.bias = this.addWeight('bias', [this.units], 'float32', zeros, undefined, full);
    if (!full) {
      this.loraA = this.addWeight('lora_a', [inputSize, this.rank], 'float32', zeros, undefined, true);
      const aValues = loraDownInit(inputSize, this.rank, rng.fork('lora_a'));
      tf.tidy(() => {
        this.loraA!.write(tf.tensor2d(aValues, [inputSize, this.rank]));
      });
      this.loraB = this.addWeight('lora_b', [this.rank, this.units], 'float32', zeros, undefined, true);
    }
    this.built = true;
  }

  /** Input shape with the last axis replaced by `units`. */
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  /** act(x·W + b + (x·A)·B·α/r) over the last axis, through the custom-gradient `denseOp`. */
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const x2 = x.reshape([-1, x.shape[x.shape.length - 1]!]) as tf.Tensor2D;
      const tensors = this.denseTensors();
      const y = denseOp(x2, tensors, this.activation, gradFlagsOf(tensors, true));
      return y.reshape([...x.shape.slice(0, -1), this.units]);
    });
  }

  /** Folds A·B·α/r into the kernel; refuses (unchanged layer) if the result is non-finite. */
  merge(): void {
    const { kernel, loraA, loraB } = this.requireAdapter('merge');
    if (this.merged) throw new TradegymError('E_BAD_ARGUMENT', `LoraDense "${this.name}" is already merged.`);
    const merged = mergeLoraKernel(kernel.read() as tf.Tensor2D, loraA.read() as tf.Tensor2D, loraB.read() as tf.Tensor2D, this.alpha / this.rank, this.name);
    this.originalKernel = tf.keep(tf.clone(kernel.read() as tf.Tensor2D));
    kernel.write(merged);
    merged.dispose();
  }

  /** Restores the exact kernel from before `merge()`. */
  unmerge(): void {
    const { kernel } = this.requireAdapter('unmerge');
    if (!this.originalKernel) {
      const why = this.mergedOnLoad ? ' (it was saved merged; the original kernel is not in the file)' : '';
      throw new TradegymError('E_BAD_ARGUMENT', `LoraDense "${this.name}" cannot unmerge: not merged in this session${why}.`);
    }
    kernel.write(this.originalKernel);
    this.originalKernel.dispose();
    this.originalKernel = undefined;
  }

  /** Serialisable config (round-trips through `tf.serialization`). */
  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      units: this.units,
      rank: this.rank,
      alpha: this.alpha,
      activation: this.activation,
      seed: this.seed,
      kernelGain: this.kernelGain,
      merged: this.merged,
    };
  }

  /** Releases the layer's weights and any kept pre-merge kernel. */
  override dispose(): ReturnType<tf.layers.Layer['dispose']> {
    this.originalKernel?.dispose();
    this.originalKernel = undefined;
    return super.dispose();
  }

  private denseTensors(): DenseTensors {
    if (!this.kernel || !this.bias) throw new TradegymError('E_INTERNAL', `LoraDense "${this.name}" called before build.`);
    const adapter = this.loraA && this.loraB && !this.merged;
    return {
      kernel: this.kernel.read() as tf.Tensor2D,
      bias: this.bias.read() as tf.Tensor1D,
      loraA: adapter ? (this.loraA!.read() as tf.Tensor2D) : undefined,
      loraB: adapter ? (this.loraB!.read() as tf.Tensor2D) : undefined,
      loraScale: this.rank > 0 ? this.alpha / this.rank : 0,
    };
  }

  private requireAdapter(action: string): { kernel: tf.LayerVariable; loraA: tf.LayerVariable; loraB: tf.LayerVariable } {
    if (!this.kernel || !this.loraA || !this.loraB) {
      const why = this.rank === 0 ? 'it has rank 0 (no adapter)' : 'it is not built yet';
      throw new TradegymError('E_BAD_ARGUMENT', `LoraDense "${this.name}" cannot ${action}: ${why}.`);
    }
    return { kernel: this.kernel, loraA: this.loraA, loraB: this.loraB };
  }
}

function validateArgs(args: LoraDenseArgs): void {
  const fail = (field: string, value: unknown, expected: string): never => {
    throw new TradegymError('E_BAD_ARGUMENT', `LoraDense: ${field} = ${JSON.stringify(value)} is invalid; expected ${expected}.`, {
      column: field,
      value: String(value),
    });
  };
  if (!Number.isInteger(args.units) || args.units < 1) fail('units', args.units, 'an integer > 0');
  if (!Number.isInteger(args.rank) || args.rank < 0) fail('rank', args.rank, 'an integer ≥ 0');
  if (args.alpha !== undefined && !(Number.isFinite(args.alpha) && args.alpha > 0)) fail('alpha', args.alpha, 'a finite number > 0');
  if (args.activation !== undefined && !isActivation(args.activation)) fail('activation', args.activation, `one of ${ACTIVATIONS.join(', ')}`);
  if (args.seed !== undefined && !Number.isInteger(args.seed)) fail('seed', args.seed, 'an integer');
  if (args.kernelGain !== undefined && !(Number.isFinite(args.kernelGain) && args.kernelGain > 0)) fail('kernelGain', args.kernelGain, 'a finite number > 0');
}

tf.serialization.registerClass(LoraDense);
