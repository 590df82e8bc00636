import * as tf from '@tensorflow/tfjs';

/** A batch of categorical distributions, parameterised by logits [B, K]. */
export interface CategoricalBatch {
  /** log π(k) = logits_k − logsumexp(logits), shape [B, K] (numerically stable). */
  logProbs: tf.Tensor2D;
  /** π(k) = exp(log π(k)), shape [B, K]. */
  probs: tf.Tensor2D;
}

/**
 * The distribution a policy head defines. Both rollout (`act`) and update (`evaluate`) go
 * through this function, so sampling probabilities and re-scored log-probs cannot drift.
 */
export function categoricalFromLogits(logits: tf.Tensor2D): CategoricalBatch {
  const logProbs = tf.logSoftmax(logits);
  return { logProbs, probs: tf.exp(logProbs) };
}

/** log π(a_i) for each row's action, shape [B]; `actions` are integer indices in [0, K). */
export function logProbOfActions(dist: CategoricalBatch, actions: tf.Tensor1D): tf.Tensor1D {
  const indices = actions.dtype === 'int32' ? actions : tf.cast(actions, 'int32');
  const oneHot = tf.oneHot(indices, dist.logProbs.shape[1]);
  return tf.sum<tf.Tensor1D>(tf.mul(dist.logProbs, oneHot), 1);
}

/** Shannon entropy H = −Σ_k π(k)·log π(k) in nats, shape [B]. */
export function entropyOf(dist: CategoricalBatch): tf.Tensor1D {
  return tf.neg(tf.sum<tf.Tensor1D>(tf.mul(dist.probs, dist.logProbs), 1));
}

/**
 * KL(π‖π_ref) = Σ_k π(k)·(log π(k) − log π_ref(k)) in nats per row, shape [B]; used for the
 * fine-tuning penalty that keeps an adapted policy near its base.
 */
export function klDivergence(dist: CategoricalBatch, refLogProbs: tf.Tensor2D): tf.Tensor1D {
  return tf.sum<tf.Tensor1D>(tf.mul(dist.probs, tf.sub(dist.logProbs, refLogProbs)), 1);
}
