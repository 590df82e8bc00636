import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';

/** A named parameter tensor (e.g. `actor/hidden_0/kernel`). */
export interface NamedParameter {
  name: string;
  tensor: tf.Tensor;
}

/**
 * Elastic weight consolidation (Kirkpatrick et al. 2017, "Overcoming catastrophic forgetting in
 * neural networks", arXiv:1612.00796, eq. 3): λ·Σᵢ Fᵢ·(θᵢ − θ*ᵢ)², summed over every parameter
 * named in `fisher`, where θ* are the anchor (base) weights and F the diagonal Fisher information
 * of the base on its source tasks. (The paper writes λ/2; tradegym's λ absorbs the ½.)
 * Parameters of `current` without a Fisher entry are not penalised. Differentiable in `current`;
 * call inside a gradient function or `tf.tidy`.
 * @throws TradegymError E_BAD_ARGUMENT for a negative or non-finite λ or mismatched shapes.
 */
export function ewcPenalty(
  current: readonly NamedParameter[],
  anchors: ReadonlyMap<string, tf.Tensor>,
  fisher: ReadonlyMap<string, tf.Tensor>,
  lambda: number,
): tf.Scalar {
  if (!(lambda >= 0 && Number.isFinite(lambda))) {
    throw new TradegymError('E_BAD_ARGUMENT', `EWC λ is ${lambda}; expected a finite number ≥ 0.`);
  }
  const terms: tf.Scalar[] = [];
  for (const { name, tensor } of current) {
    const f = fisher.get(name);
    if (f === undefined) continue;
    const anchor = anchors.get(name);
    if (anchor === undefined || anchor.shape.join() !== tensor.shape.join() || f.shape.join() !== tensor.shape.join()) {
      throw new TradegymError('E_BAD_ARGUMENT', `EWC: parameter "${name}" [${tensor.shape}] has no anchor or Fisher of the same shape.`);
    }
    terms.push(tf.sum(tf.mul(f, tf.square(tf.sub(tensor, anchor)))));
  }
  if (terms.length === 0) return tf.scalar(0);
  return tf.mul(terms.length === 1 ? terms[0]! : tf.addN(terms), lambda) as tf.Scalar;
}
