import * as tf from '@tensorflow/tfjs';
import { FusedAdam } from './fused-adam.js';
import type { AdamOptions, GradientOptimizer } from './gradient-optimizer.js';
import { HostAdam } from './host-adam.js';

/** Where the Adam update runs: in JS (`host`), as fused tensor ops (`device`), or chosen by backend (`auto`). */
export type AdamPlacement = 'auto' | 'host' | 'device';

/**
 * The Adam implementation for the current tfjs backend: `HostAdam` on wasm and cpu (device
 * memory is host memory, a JS loop beats ~200 small kernels), `FusedAdam` elsewhere (GPU
 * backends, where reading gradients back would stall the device). Both train exactly `variables`.
 */
export function createAdam(placement: AdamPlacement, variables: readonly tf.Variable[], options: AdamOptions): GradientOptimizer {
  const host = placement === 'host' || (placement === 'auto' && ['wasm', 'cpu'].includes(tf.getBackend()));
  return host ? new HostAdam(variables, options) : new FusedAdam(variables, options);
}
