import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';
import type { Activation } from './activation.js';
import { AdaptedDense } from './adapted-dense.js';
import { orthogonalKernel } from './orthogonal-init.js';

/** Shape of one MLP: hidden widths, hidden activation, output width and init gains. */
export interface MlpSpec {
  /** Prefix of layer names, e.g. `actor` → `actor/hidden_0`, …, `actor/head`. */
  name: string;
  inputSize: number;
  hidden: readonly number[];
  activation: Activation;
  outputSize: number;
  /** Orthogonal-init gain of hidden layers (√2 in CleanRL/SB3). */
  hiddenGain: number;
  /** Orthogonal-init gain of the linear head (0.01 policy, 1 value). */
  headGain: number;
}

/** Checkpoint name of dense layer `index` of MLP `mlpName`: `actor/hidden_0`, …, `actor/head`. */
export function denseLayerName(mlpName: string, index: number, hiddenCount: number): string {
  return `${mlpName}/${index === hiddenCount ? 'head' : `hidden_${index}`}`;
}

/**
 * A stack of `AdaptedDense` layers ending in a linear head; kernels orthogonally initialised
 * from `rng.fork(layerName)` (so a layer's init does not depend on the others), biases zero.
 */
export class Mlp {
  /** Hidden layers followed by the head (index = hidden.length). */
  readonly layers: AdaptedDense[];

  constructor(spec: MlpSpec, rng: Rng) {
    this.layers = [];
    let width = spec.inputSize;
    const sizes = [...spec.hidden, spec.outputSize];
    sizes.forEach((units, i) => {
      const isHead = i === spec.hidden.length;
      const name = denseLayerName(spec.name, i, spec.hidden.length);
      const gain = isHead ? spec.headGain : spec.hiddenGain;
      const kernel = orthogonalKernel(width, units, gain, rng.fork(name));
      this.layers.push(new AdaptedDense(name, width, units, isHead ? 'linear' : spec.activation, kernel));
      width = units;
    });
  }

  /** The linear output layer. */
  get head(): AdaptedDense {
    return this.layers[this.layers.length - 1]!;
  }

  /** Forward pass; each layer computes dL/dx only if some layer before it trains. */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    let h = x;
    let upstreamTrains = false;
    for (const layer of this.layers) {
      h = layer.forward(h, upstreamTrains);
      upstreamTrains = upstreamTrains || layer.hasTrainable();
    }
    return h;
  }

  /** Forward pass through the frozen reference copies (no adapters, no gradients). */
  forwardReference(x: tf.Tensor2D): tf.Tensor2D {
    let h = x;
    for (const layer of this.layers) h = layer.forwardReference(h);
    return h;
  }

  /** Releases all layers. */
  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
