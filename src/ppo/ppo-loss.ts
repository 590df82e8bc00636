import * as tf from '@tensorflow/tfjs';

/** Minibatch tensors entering the PPO loss, all of shape [B]. */
export interface PpoLossInputs {
  /** log π_θ(a|s) from `Policy.evaluate` (on the gradient path). */
  logProb: tf.Tensor1D;
  /** Entropy of π_θ(·|s) from `Policy.evaluate`. */
  entropy: tf.Tensor1D;
  /** V_θ(s) from `Policy.evaluate`. */
  value: tf.Tensor1D;
  /** log π_old(a|s) recorded in the rollout. */
  oldLogProbs: tf.Tensor1D;
  /** V_old(s) recorded in the rollout. */
  oldValues: tf.Tensor1D;
  /** GAE advantages. */
  advantages: tf.Tensor1D;
  /** Value targets R = A + V_old. */
  returns: tf.Tensor1D;
  /** log π_θ(k|s) for every action [B, K] from `Policy.evaluate`; required when `klCoef` > 0. */
  allLogProbs?: tf.Tensor2D;
  /** log π_ref(k|s) for every action [B, K] of a frozen reference policy; required when `klCoef` > 0. */
  referenceLogProbs?: tf.Tensor2D;
}

/** Coefficients of the PPO objective (stable-baselines3 names in parentheses). */
export interface PpoLossOptions {
  /** Ratio clip ε (`clip_range`). */
  clipRange: number;
  /** Value clip (`clip_range_vf`); null = unclipped value loss. */
  clipRangeVf: number | null;
  /** Value loss weight (`vf_coef`). */
  vfCoef: number;
  /** Entropy bonus weight (`ent_coef`). */
  entCoef: number;
  /** Weight of the KL(π‖π_ref) penalty (fine-tuning); 0 only monitors the KL when reference log-probs are given. */
  klCoef: number;
  /** Standardise advantages within the minibatch (`normalize_advantage`). */
  normalizeAdvantages: boolean;
}

/** Scalar tensors of one minibatch's loss. Only `loss` carries gradients to the optimizer. */
export interface PpoLossTerms {
  /** policyLoss + vfCoef·valueLoss − entCoef·entropy + klCoef·referenceKl. */
  loss: tf.Scalar;
  /** −mean(min(ρA, clip(ρ, 1±ε)A)). */
  policyLoss: tf.Scalar;
  /** mean((R − V)²), or the clipped form when `clipRangeVf` is set. */
  valueLoss: tf.Scalar;
  /** Mean policy entropy (nats). */
  entropy: tf.Scalar;
  /** mean((ρ − 1) − log ρ), the low-variance KL(π_old‖π) estimator CleanRL logs. */
  approxKl: tf.Scalar;
  /** Fraction of samples with |ρ − 1| > ε. */
  clipFraction: tf.Scalar;
  /** Mean KL(π_θ‖π_ref) over the minibatch's states; computed whenever reference log-probs are given (0 otherwise). */
  referenceKl: tf.Scalar;
}

/**
 * The clipped-surrogate PPO objective (Schulman et al. 2017, arXiv:1707.06347, eq. 7 and 9)
 * with value loss and entropy bonus, in stable-baselines3's scaling (value loss is the
 * plain MSE; clipped value loss is the max of clipped and unclipped squared errors, as
 * in OpenAI baselines / CleanRL). ρ = exp(log π_θ − log π_old). Advantages are
 * standardised per minibatch with the unbiased std and ε = 1e-8 when asked.
 *
 * The optional fine-tuning penalty is the exact KL(π_θ‖π_ref) = Σ_k π_θ(k)(log π_θ(k) −
 * log π_ref(k)) of the categorical distributions at the minibatch's states, averaged
 * (the "stay close to the base" term of RLHF-style fine-tuning).
 *
 * Must be called inside a gradient function; allocates only scalars the caller keeps.
 */
export function ppoLoss(inputs: PpoLossInputs, options: PpoLossOptions): PpoLossTerms {
  const { logProb, entropy, value, oldLogProbs, oldValues, returns } = inputs;
  const advantages = options.normalizeAdvantages ? standardize(inputs.advantages) : inputs.advantages;
  const logRatio = tf.sub(logProb, oldLogProbs);
  const ratio = tf.exp(logRatio);
  const eps = options.clipRange;
  const surrogate = tf.mul(ratio, advantages);
  const clippedSurrogate = tf.mul(tf.clipByValue(ratio, 1 - eps, 1 + eps), advantages);
  const policyLoss = tf.neg(tf.mean(tf.minimum(surrogate, clippedSurrogate))) as tf.Scalar;
  const valueLoss = valueLossOf(value, oldValues, returns, options.clipRangeVf);
  const meanEntropy = tf.mean(entropy) as tf.Scalar;
  const referenceKl = referenceKlOf(inputs, options.klCoef);
  const loss = tf.addN([
    policyLoss,
    tf.mul(valueLoss, options.vfCoef),
    tf.mul(meanEntropy, -options.entCoef),
    tf.mul(referenceKl, options.klCoef),
  ]) as tf.Scalar;
  const approxKl = tf.mean(tf.sub(tf.sub(ratio, 1), logRatio)) as tf.Scalar;
  const clipFraction = tf.mean(tf.cast(tf.greater(tf.abs(tf.sub(ratio, 1)), eps), 'float32')) as tf.Scalar;
  return { loss, policyLoss, valueLoss, entropy: meanEntropy, approxKl, clipFraction, referenceKl };
}

/** (x − mean(x)) / (std(x, ddof = 1) + 1e-8); unchanged when there is a single element. */
function standardize(x: tf.Tensor1D): tf.Tensor1D {
  const n = x.shape[0];
  if (n < 2) return x;
  const { mean, variance } = tf.moments(x);
  const std = tf.sqrt(tf.mul(variance, n / (n - 1)));
  return tf.div(tf.sub(x, mean), tf.add(std, 1e-8));
}

function valueLossOf(value: tf.Tensor1D, oldValues: tf.Tensor1D, returns: tf.Tensor1D, clipRangeVf: number | null): tf.Scalar {
  const unclipped = tf.square(tf.sub(value, returns));
  if (clipRangeVf === null) return tf.mean(unclipped) as tf.Scalar;
  const clippedValue = tf.add(oldValues, tf.clipByValue(tf.sub(value, oldValues), -clipRangeVf, clipRangeVf));
  const clipped = tf.square(tf.sub(clippedValue, returns));
  return tf.mean(tf.maximum(unclipped, clipped)) as tf.Scalar;
}

function referenceKlOf(inputs: PpoLossInputs, klCoef: number): tf.Scalar {
  const { allLogProbs, referenceLogProbs } = inputs;
  if (!allLogProbs || !referenceLogProbs) {
    if (klCoef > 0) throw new RangeError('ppoLoss: klCoef > 0 needs allLogProbs (from Policy.evaluate) and referenceLogProbs');
    return tf.scalar(0);
  }
  return tf.mean(tf.sum(tf.mul(tf.exp(allLogProbs), tf.sub(allLogProbs, referenceLogProbs)), 1)) as tf.Scalar;
}
