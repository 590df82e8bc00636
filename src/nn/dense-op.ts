import * as tf from '@tensorflow/tfjs';
import { type Activation, activationGrad, applyActivation } from './activation.js';

/**
 * The tensors of one (optionally LoRA-adapted) dense layer, in the layout shared by the
 * functional actor-critic and the `LoraDense` tf.layers class.
 */
export interface DenseTensors {
  /** Base kernel W, shape [in, out]. */
  kernel: tf.Tensor2D;
  /** Base bias b, shape [out]. */
  bias: tf.Tensor1D;
  /** LoRA down-projection A, shape [in, r]; present together with `loraB`. */
  loraA?: tf.Tensor2D;
  /** LoRA up-projection B, shape [r, out]. */
  loraB?: tf.Tensor2D;
  /** LoRA scaling α/r (ignored without adapters). */
  loraScale: number;
}

/** Which gradients the backward pass must produce. */
export interface DenseGradFlags {
  /** dL/dx (false for a first layer fed by data, or when nothing upstream trains). */
  input: boolean;
  kernel: boolean;
  bias: boolean;
  /** dL/dA and dL/dB. */
  lora: boolean;
}

/** True when `t` is a `tf.Variable` marked trainable (plain tensors are constants). */
export function isTrainable(t: tf.Tensor | undefined): boolean {
  return t instanceof tf.Variable && t.trainable;
}

/** Gradient flags implied by the tensors' `trainable` marks. */
export function gradFlagsOf(t: DenseTensors, inputNeedsGrad: boolean): DenseGradFlags {
  return {
    input: inputNeedsGrad,
    kernel: isTrainable(t.kernel),
    bias: isTrainable(t.bias),
    lora: t.loraA !== undefined && (isTrainable(t.loraA) || isTrainable(t.loraB)),
  };
}

/**
 * y = act(x·W + b + (x·A)·B·α/r)  (LoRA, Hu et al. 2021, arXiv:2106.09685).
 *
 * A custom-gradient op: the backward pass uses explicit `tf.transpose` + plain `matMul`
 * (transposed matMul is ~10× slower on wasm, PERF-NOTES.md), differentiates the activation
 * through its saved output, sums the bias gradient with a ones-row `matMul` instead of `tf.sum`,
 * and computes only the gradients in `flags`. Without any flag set it is a plain forward pass.
 * Call it inside `tf.tidy` (or a gradient function).
 */
export function denseOp(x: tf.Tensor2D, t: DenseTensors, activation: Activation, flags: DenseGradFlags): tf.Tensor2D {
  const named: Array<[DenseInputKey, tf.Tensor]> = [];
  if (flags.input) named.push(['input', x]);
  if (flags.kernel) named.push(['kernel', t.kernel]);
  if (flags.bias) named.push(['bias', t.bias]);
  if (flags.lora && t.loraA && t.loraB) named.push(['loraA', t.loraA], ['loraB', t.loraB]);
  if (named.length === 0) return denseForward(x, t, activation).y;

  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const { y, xa } = denseForward(x, t, activation);
    save(xa ? [x, y, xa] : [x, y]);
    const gradFunc = (dy: tf.Tensor2D, saved: tf.Tensor[]): tf.Tensor[] => {
      const grads = denseBackward(dy, saved as tf.Tensor2D[], t, activation, flags);
      return named.map(([key]) => grads[key]!);
    };
    return { value: y, gradFunc };
  });
  return op(...named.map(([, tensor]) => tensor)) as tf.Tensor2D;
}

function denseForward(x: tf.Tensor2D, t: DenseTensors, activation: Activation): { y: tf.Tensor2D; xa?: tf.Tensor2D } {
  let z = tf.fused.matMul({ a: x, b: t.kernel, bias: t.bias }) as tf.Tensor2D;
  let xa: tf.Tensor2D | undefined;
  if (t.loraA && t.loraB) {
    xa = tf.matMul<tf.Tensor2D>(x, t.loraA);
    z = tf.add(z, tf.matMul<tf.Tensor2D>(tf.mul(xa, t.loraScale), t.loraB));
  }
  return { y: applyActivation(z, activation), xa };
}

type DenseInputKey = 'input' | 'kernel' | 'bias' | 'loraA' | 'loraB';
type DenseGrads = Partial<Record<DenseInputKey, tf.Tensor>>;

function denseBackward(
  dy: tf.Tensor2D,
  saved: tf.Tensor2D[],
  t: DenseTensors,
  activation: Activation,
  flags: DenseGradFlags,
): DenseGrads {
  const [x, y, xa] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D | undefined];
  const dz = activationGrad(dy, y, activation);
  const grads: DenseGrads = {};
  const lora = flags.lora && t.loraA !== undefined && t.loraB !== undefined && xa !== undefined;
  // dL/d(x·A) = dz·Bᵀ·s, shared by dA and dx.
  const dxa = t.loraA && t.loraB && (flags.input || lora) ? tf.mul(tf.matMul(dz, tf.transpose(t.loraB)), t.loraScale) : undefined;
  const xT = flags.kernel || lora ? tf.transpose(x) : undefined;
  if (flags.input) {
    const dx = tf.matMul(dz, tf.transpose(t.kernel));
    grads.input = dxa && t.loraA ? tf.add(dx, tf.matMul(dxa, tf.transpose(t.loraA))) : dx;
  }
  if (flags.kernel) grads.kernel = tf.matMul(xT!, dz);
  if (flags.bias) grads.bias = sumRows(dz);
  if (lora) {
    grads.loraA = tf.matMul(xT!, dxa!);
    grads.loraB = tf.mul(tf.matMul(tf.transpose(xa!), dz), t.loraScale);
  }
  return grads;
}

/**
 * Column sums of `m` [B, out] → [out], as onesRow[1, B] · m: on wasm a plain `matMul` is ~10×
 * faster than `tf.sum(m, 0)` (≈0.01 vs 0.12–0.2 ms at B = 256, out = 128) with the same values.
 * The ones row is built per call (≈0.005 ms): a cache would save little and hold tensors across
 * backend switches and `tf.memory()` checks.
 */
function sumRows(m: tf.Tensor2D): tf.Tensor1D {
  const [rows, cols] = m.shape;
  return tf.reshape(tf.matMul(tf.ones([1, rows]) as tf.Tensor2D, m), [cols]);
}
