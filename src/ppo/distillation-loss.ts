import * as tf from '@tensorflow/tfjs';

/**
 * Distillation loss: mean over rows of τ²·KL(p_T ‖ p_S^τ) = τ²·Σ_k p_T(k)·(log p_T(k) − log p_S^τ(k)),
 * where p_S^τ = softmax(log p_S / τ) is the student softened with temperature τ and `teacherProbs`
 * are the teacher's targets, already softened (see `teacherTargets`). Knowledge distillation
 * (Hinton, Vinyals & Dean 2015, arXiv:1503.02531: temperature, τ² gradient scaling) as applied to
 * policies (Rusu et al. 2015, "Policy Distillation", arXiv:1511.06295: KL from the teacher's
 * distribution, which beat MSE and NLL targets). With one-hot targets it is the cross-entropy
 * −log p_S(a_T) (behaviour cloning). It is 0 exactly when the softened student equals the teacher,
 * and ≥ 0 always. Differentiable in `studentLogProbs`; call inside a gradient function or `tf.tidy`.
 * @param studentLogProbs log π_S(k|s) [B, K] (e.g. `EvaluateResult.allLogProbs`).
 * @param teacherProbs target distributions [B, K], rows summing to 1.
 */
export function distillationLoss(studentLogProbs: tf.Tensor2D, teacherProbs: tf.Tensor2D, temperature = 1): tf.Scalar {
  if (!(temperature > 0 && Number.isFinite(temperature))) throw new RangeError(`distillation temperature must be > 0, got ${temperature}`);
  const student = temperature === 1 ? studentLogProbs : tf.logSoftmax(tf.div(studentLogProbs, temperature));
  // p·log p with 0·log 0 = 0 (one-hot targets).
  const teacherLogTeacher = tf.mul(teacherProbs, tf.log(tf.maximum(teacherProbs, 1e-30)));
  const kl = tf.sum(tf.sub(teacherLogTeacher, tf.mul(teacherProbs, student)), 1);
  return tf.mul(tf.mean(kl), temperature * temperature) as tf.Scalar;
}
