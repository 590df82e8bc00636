import { TradegymError } from '../core/errors.js';

/**
 * PPO hyper-parameters (Schulman et al. 2017, arXiv:1707.06347; GAE arXiv:1506.02438).
 * Names follow stable-baselines3's `PPO` in camelCase; defaults are SB3's except where noted.
 */
export interface PpoConfig {
  /** Total env steps (summed over envs) the schedules anneal over and `train` stops at. */
  totalSteps: number;
  /** Steps per env per rollout (`n_steps`); one update uses nSteps × nEnvs transitions. */
  nSteps: number;
  /** Minibatch size (`batch_size`); must divide nSteps × nEnvs. */
  minibatchSize: number;
  /** Passes over each rollout (`n_epochs`). */
  nEpochs: number;
  /** Discount γ. */
  gamma: number;
  /** GAE λ (`gae_lambda`). */
  gaeLambda: number;
  /** Adam learning rate (initial value when annealed). */
  learningRate: number;
  /** Anneal the learning rate linearly to 0 over `totalSteps`. */
  annealLearningRate: boolean;
  /** Ratio clip ε (`clip_range`, initial value when annealed). */
  clipRange: number;
  /** Anneal the clip range linearly to 0 over `totalSteps`. */
  annealClipRange: boolean;
  /** Value clip (`clip_range_vf`); null = unclipped value loss. */
  clipRangeVf: number | null;
  /** Standardise advantages per minibatch. */
  normalizeAdvantages: boolean;
  /** Value loss weight. */
  vfCoef: number;
  /** Entropy bonus weight. */
  entCoef: number;
  /** Global gradient-norm clip; null = none. */
  maxGradNorm: number | null;
  /** Adam ε (1e-5 as SB3 and CleanRL PPO). */
  adamEpsilon: number;
  /** Stop an update's epochs once the epoch's mean approx KL exceeds this; null = never. */
  targetKl: number | null;
  /** Weight of KL(π‖π_ref) when fine-tuning with a reference policy; 0 = no penalty. */
  klCoef: number;
  /** Seed of the trainer's RNG streams and of the first env reset. */
  seed: number;
}

/** stable-baselines3's PPO defaults (with a 1M-step budget and seed 0). */
export const DEFAULT_PPO_CONFIG: Readonly<PpoConfig> = {
  totalSteps: 1_000_000,
  nSteps: 2048,
  minibatchSize: 64,
  nEpochs: 10,
  gamma: 0.99,
  gaeLambda: 0.95,
  learningRate: 3e-4,
  annealLearningRate: false,
  clipRange: 0.2,
  annealClipRange: false,
  clipRangeVf: null,
  normalizeAdvantages: true,
  vfCoef: 0.5,
  entCoef: 0,
  maxGradNorm: 0.5,
  adamEpsilon: 1e-5,
  targetKl: null,
  klCoef: 0,
  seed: 0,
};

/**
 * Merges `overrides` into the defaults and validates the result for `nEnvs` envs;
 * throws `E_BAD_CONFIG` naming the field, the value and what is expected.
 */
export function resolvePpoConfig(overrides: Partial<PpoConfig>, nEnvs: number): PpoConfig {
  const config: PpoConfig = { ...DEFAULT_PPO_CONFIG, ...overrides };
  const fail = (field: keyof PpoConfig, expected: string): never => {
    throw new TradegymError('E_BAD_CONFIG', `PPO config "${field}" is ${String(config[field])}; expected ${expected}.`, {
      column: field,
      value: String(config[field]),
    });
  };
  for (const field of ['totalSteps', 'nSteps', 'minibatchSize', 'nEpochs'] as const) {
    if (!Number.isInteger(config[field]) || config[field] < 1) fail(field, 'a positive integer');
  }
  const batch = config.nSteps * nEnvs;
  if (batch % config.minibatchSize !== 0) fail('minibatchSize', `a divisor of nSteps × nEnvs = ${batch}`);
  for (const field of ['gamma', 'gaeLambda'] as const) {
    if (!(config[field] >= 0 && config[field] <= 1)) fail(field, 'a number in [0, 1]');
  }
  for (const field of ['learningRate', 'clipRange', 'adamEpsilon'] as const) {
    if (!(config[field] > 0) || !Number.isFinite(config[field])) fail(field, 'a finite number > 0');
  }
  for (const field of ['vfCoef', 'entCoef', 'klCoef'] as const) {
    if (!(config[field] >= 0) || !Number.isFinite(config[field])) fail(field, 'a finite number ≥ 0');
  }
  for (const field of ['clipRangeVf', 'maxGradNorm', 'targetKl'] as const) {
    const v = config[field];
    if (v !== null && !(v > 0 && Number.isFinite(v))) fail(field, 'null or a finite number > 0');
  }
  if (!Number.isInteger(config.seed)) fail('seed', 'an integer');
  return config;
}
