import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';

/**
 * W' = W + A·B·(α/r): the LoRA update folded into the base kernel (Hu et al. 2021,
 * arXiv:2106.09685, §4.1), so inference costs one plain dense layer. Returns a new tensor
 * (the caller owns it). Throws `E_NON_FINITE_WEIGHTS` naming `layerName` if any entry of the
 * result is NaN or ±∞, having disposed it, so the caller can leave its layer unchanged.
 */
export function mergeLoraKernel(
  kernel: tf.Tensor2D,
  loraA: tf.Tensor2D,
  loraB: tf.Tensor2D,
  scale: number,
  layerName: string,
): tf.Tensor2D {
  const merged = tf.tidy(() => tf.add<tf.Tensor2D>(kernel, tf.mul(tf.matMul(loraA, loraB), scale)));
  const values = merged.dataSync();
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      merged.dispose();
      const row = Math.floor(i / merged.shape[1]);
      throw new TradegymError(
        'E_NON_FINITE_WEIGHTS',
        `Cannot merge the LoRA adapter of layer "${layerName}": the merged kernel has a non-finite value ` +
          `(${values[i]}) at [${row}, ${i % merged.shape[1]}]. The adapter weights diverged; ` +
          'the layer was left unmerged. Retrain with a lower learning rate or load an earlier adapter checkpoint.',
      );
    }
  }
  return merged;
}
