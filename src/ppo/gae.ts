/**
 * Generalized Advantage Estimation (Schulman et al. 2015, arXiv:1506.02438) over a
 * rollout stored time-major: index `t * nEnvs + e` is step t of env e.
 *
 * δ_t = r_t + γ·V_next(t) − V(s_t), where V_next(t) is
 *   0                         if step t terminated (the MDP ended: never bootstrap),
 *   V(final observation of t) if step t was truncated (time limit / end of data: bootstrap
 *                             through it, as stable-baselines3 does with `terminal_observation`),
 *   V(s_{t+1})                otherwise (`lastValues` for the last step of the rollout).
 * A_t = δ_t + γλ·(1 − done_t)·A_{t+1}, done_t = terminated_t ∨ truncated_t, and the
 * return target is R_t = A_t + V(s_t). Terminated wins when both flags are set.
 */
export interface GaeInput {
  /** Steps per env in the rollout (T). */
  nSteps: number;
  /** Number of parallel envs (N). */
  nEnvs: number;
  /** Rewards r_t, length T·N. */
  rewards: Float32Array;
  /** Critic values V(s_t) recorded during the rollout, length T·N. */
  values: Float32Array;
  /** 1 where step t ended the MDP, length T·N. */
  terminated: Uint8Array;
  /** 1 where step t was cut by an outside limit, length T·N. */
  truncated: Uint8Array;
  /** V(final observation) of truncated steps (read only where `truncated` is 1), length T·N. */
  finalValues: Float32Array;
  /** V(s_T) of the observation after the last rollout step, length N. */
  lastValues: Float32Array;
}

/** Discounting parameters of GAE. */
export interface GaeParams {
  /** Discount factor γ ∈ [0, 1]. */
  gamma: number;
  /** GAE smoothing λ ∈ [0, 1] (0 = one-step TD, 1 = Monte Carlo). */
  lambda: number;
}

/** Preallocated outputs of GAE, each of length T·N. */
export interface GaeOutput {
  advantages: Float32Array;
  returns: Float32Array;
}

/**
 * Fills `out.advantages` and `out.returns` in place (no allocation). Accumulates in
 * float64 and stores float32.
 */
export function computeGae(input: GaeInput, params: GaeParams, out: GaeOutput): void {
  const { nSteps, nEnvs, rewards, values, terminated, truncated, finalValues, lastValues } = input;
  const { gamma, lambda } = params;
  for (let e = 0; e < nEnvs; e++) {
    let nextAdvantage = 0;
    let nextValue = lastValues[e]!;
    for (let t = nSteps - 1; t >= 0; t--) {
      const i = t * nEnvs + e;
      let bootstrap: number;
      let carry: number;
      if (terminated[i]) {
        bootstrap = 0;
        carry = 0;
      } else if (truncated[i]) {
        bootstrap = finalValues[i]!;
        carry = 0;
      } else {
        bootstrap = nextValue;
        carry = 1;
      }
      const value = values[i]!;
      const delta = rewards[i]! + gamma * bootstrap - value;
      nextAdvantage = delta + gamma * lambda * carry * nextAdvantage;
      out.advantages[i] = nextAdvantage;
      out.returns[i] = nextAdvantage + value;
      nextValue = value;
    }
  }
}
