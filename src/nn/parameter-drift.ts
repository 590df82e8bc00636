import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import type { ActorCritic } from './actor-critic.js';

/** How far one dense layer has moved from the base it was fine-tuned from. */
export interface LayerDrift {
  /** Layer name, e.g. `actor/hidden_0`. */
  name: string;
  /** ‖θ − θ_base‖₂ / ‖θ_base‖₂ over kernel and bias, θ the effective weights (W + A·B·α/r, b). */
  relativeDrift: number;
  /** ‖A·B·α/r‖_F, the Frobenius norm of the adapter's weight delta; null without an adapter. */
  adapterDeltaNorm: number | null;
}

/**
 * Per-layer parameter drift of a fine-tuned policy against its frozen base reference (captured by
 * `attachAdapters` or `captureReference`): the relative L2 distance of the effective weights, and
 * for LoRA layers the norm of the low-rank update ΔW = A·B·α/r (Hu et al. 2021, arXiv:2106.09685).
 * A monitor for forgetting: large drift in early layers changes the features every later layer
 * reads. Reads the weights back once per layer (a few ms for [128, 128] networks).
 * @throws TradegymError E_ENV_STATE when the policy has no base reference.
 */
export function parameterDrift(policy: ActorCritic): LayerDrift[] {
  return policy.layers.map((layer) => {
    const reference = layer.referenceWeights();
    if (reference === undefined) {
      throw new TradegymError('E_ENV_STATE', `parameterDrift needs a base reference on layer "${layer.name}": call attachAdapters() or captureReference() first.`);
    }
    const [distance, baseNorm, delta] = tf.tidy(() => {
      const kernel = layer.effectiveKernel();
      const squaredDistance = tf.add(tf.sum(tf.square(tf.sub(kernel, reference.kernel))), tf.sum(tf.square(tf.sub(layer.bias, reference.bias))));
      const squaredBase = tf.add(tf.sum(tf.square(reference.kernel)), tf.sum(tf.square(reference.bias)));
      const deltaNorm = layer.rank > 0 && !layer.merged ? tf.norm(tf.sub(kernel, layer.kernel)) : tf.scalar(-1);
      return Array.from(tf.stack([tf.sqrt(squaredDistance), tf.sqrt(squaredBase), deltaNorm]).dataSync());
    }) as [number, number, number];
    return { name: layer.name, relativeDrift: baseNorm > 0 ? distance / baseNorm : distance, adapterDeltaNorm: delta < 0 ? null : delta };
  });
}

/** √Σ‖ΔW_l‖²_F over the adapted layers (the norm of all adapter deltas together); null when none. */
export function totalAdapterDeltaNorm(drifts: readonly LayerDrift[]): number | null {
  const norms = drifts.map((d) => d.adapterDeltaNorm).filter((n): n is number => n !== null);
  return norms.length === 0 ? null : Math.sqrt(norms.reduce((s, n) => s + n * n, 0));
}
