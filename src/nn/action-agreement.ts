/** How a policy's decisions compare with a reference policy's on a probe set of states. */
export interface AgreementStats {
  /** Fraction of states whose greedy (arg-max) action is the same in both, in [0, 1]. */
  agreement: number;
  /** Mean KL(π‖π_ref) over the states, nats. */
  meanKl: number;
  /** Mean entropy of π, nats. */
  entropy: number;
  /** Mean entropy of π_ref, nats. */
  referenceEntropy: number;
}

/**
 * Compares two policies' action distributions on the same `count` states (row-major
 * [count, actionCount] probabilities): greedy-action agreement, mean KL(π‖π_ref) and the mean
 * entropies. Ties in the arg-max go to the lowest index, as `Policy.act(…, greedy)`. Pure.
 */
export function actionAgreement(probs: Float32Array, referenceProbs: Float32Array, actionCount: number): AgreementStats {
  const count = probs.length / actionCount;
  if (!Number.isInteger(count) || count < 1 || referenceProbs.length !== probs.length) {
    throw new RangeError(`actionAgreement needs two [count, ${actionCount}] probability arrays of equal length; got ${probs.length} and ${referenceProbs.length}`);
  }
  let same = 0;
  let kl = 0;
  let entropy = 0;
  let referenceEntropy = 0;
  for (let i = 0; i < count; i++) {
    const o = i * actionCount;
    if (argMax(probs, o, actionCount) === argMax(referenceProbs, o, actionCount)) same++;
    for (let k = 0; k < actionCount; k++) {
      const p = probs[o + k]!;
      const q = referenceProbs[o + k]!;
      if (p > 0) {
        kl += p * (Math.log(p) - Math.log(Math.max(q, 1e-30)));
        entropy -= p * Math.log(p);
      }
      if (q > 0) referenceEntropy -= q * Math.log(q);
    }
  }
  return { agreement: same / count, meanKl: kl / count, entropy: entropy / count, referenceEntropy: referenceEntropy / count };
}

function argMax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let k = 1; k < count; k++) if (values[offset + k]! > values[offset + best]!) best = k;
  return best;
}
