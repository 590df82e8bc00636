/**
 * Distillation targets from a deterministic teacher (a rule strategy): one-hot on the teacher's
 * action, mixed with the uniform distribution by `smoothing` ε (label smoothing, Szegedy et al.
 * 2016): p = (1 − ε)·onehot + ε/K. ε > 0 keeps KL(p_T‖p_S) finite-gradient and lets the student
 * keep some entropy for PPO. Returns row-major [n, K].
 */
export function oneHotTargets(actions: Int32Array, actionCount: number, smoothing = 0): Float32Array {
  checkSmoothing(smoothing);
  const out = new Float32Array(actions.length * actionCount).fill(smoothing / actionCount);
  actions.forEach((a, i) => {
    if (!(a >= 0 && a < actionCount)) throw new RangeError(`teacher action ${a} at row ${i} is outside [0, ${actionCount})`);
    out[i * actionCount + a] = 1 - smoothing + smoothing / actionCount;
  });
  return out;
}

/**
 * Distillation targets from a stochastic teacher (a policy checkpoint): its probabilities
 * softened with temperature τ, p_T^τ(k) ∝ p_T(k)^{1/τ} (= softmax(logits/τ), Hinton et al. 2015,
 * arXiv:1503.02531), then smoothed as in {@link oneHotTargets}. `probs` is row-major [n, K].
 */
export function temperedTargets(probs: Float32Array, actionCount: number, temperature = 1, smoothing = 0): Float32Array {
  checkSmoothing(smoothing);
  if (!(temperature > 0 && Number.isFinite(temperature))) throw new RangeError(`temperature must be > 0, got ${temperature}`);
  const out = new Float32Array(probs.length);
  const row = new Float64Array(actionCount);
  for (let i = 0; i < probs.length / actionCount; i++) {
    let total = 0;
    for (let k = 0; k < actionCount; k++) {
      row[k] = Math.pow(Math.max(probs[i * actionCount + k]!, 0), 1 / temperature);
      total += row[k]!;
    }
    for (let k = 0; k < actionCount; k++) out[i * actionCount + k] = (1 - smoothing) * (row[k]! / total) + smoothing / actionCount;
  }
  return out;
}

function checkSmoothing(smoothing: number): void {
  if (!(smoothing >= 0 && smoothing < 1)) throw new RangeError(`label smoothing must be in [0, 1), got ${smoothing}`);
}
