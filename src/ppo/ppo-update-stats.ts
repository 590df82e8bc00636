import type { PpoEpochsResult } from './ppo-epochs.js';

/** Statistics of one PPO update, plain data (JSON-safe) for logs and telemetry. */
export interface PpoUpdateStats extends Omit<PpoEpochsResult, 'gradientSteps'> {
  /** 1-based index of this update. */
  update: number;
  /** Env steps taken so far, summed over envs. */
  totalSteps: number;
  learningRate: number;
  clipRange: number;
  /** 1 − Var(R − V)/Var(R) over the rollout; null when the returns are constant. */
  explainedVariance: number | null;
  /** Mean return of the last 100 completed episodes (VectorEnv's ring); null before any. */
  meanEpisodeReturn: number | null;
  meanEpisodeLength: number | null;
  /** Episodes completed since the env was created. */
  episodes: number;
  /** Env steps of this update / its wall time (rollout + optimisation). */
  stepsPerSec: number;
  rolloutSeconds: number;
  updateSeconds: number;
  /** Weight of each auxiliary loss (EWC, distillation) in this update, by name (empty without). */
  auxiliaryWeights: Record<string, number>;
  /**
   * The same figures under CleanRL's TensorBoard names: `losses/policy`, `losses/value`,
   * `losses/entropy`, `approx_kl`, `clip_fraction`, `explained_variance`, `sps`, `episode_return`,
   * plus `losses/<name>` for each auxiliary loss.
   */
  scalars: Record<string, number | null>;
}

/** Everything an update's statistics are assembled from. */
export type PpoUpdateStatsInput = Omit<PpoUpdateStats, 'stepsPerSec' | 'scalars' | keyof PpoEpochsResult> & {
  epochs: PpoEpochsResult;
  /** Env steps collected by this update. */
  rolloutSteps: number;
};

/** Assembles the plain-data statistics of one update (adds steps/s and the CleanRL-named scalars). */
export function ppoUpdateStats(input: PpoUpdateStatsInput): PpoUpdateStats {
  const { epochs, rolloutSteps, ...rest } = input;
  const { gradientSteps: _gradientSteps, ...means } = epochs;
  const stepsPerSec = rolloutSteps / (rest.rolloutSeconds + rest.updateSeconds);
  return {
    ...rest,
    ...means,
    stepsPerSec,
    scalars: {
      'losses/policy': means.policyLoss,
      'losses/value': means.valueLoss,
      'losses/entropy': means.entropy,
      approx_kl: means.approxKl,
      clip_fraction: means.clipFraction,
      explained_variance: rest.explainedVariance,
      sps: stepsPerSec,
      episode_return: rest.meanEpisodeReturn,
      ...Object.fromEntries(Object.entries(means.auxiliary).map(([name, value]) => [`losses/${name}`, value])),
    },
  };
}
