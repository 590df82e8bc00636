import type { CostModelOptions } from '../market/cost-model.js';
import type { SizingMode } from '../market/sizing.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import type { KnowledgeSettings } from './knowledge-settings.js';

/**
 * How a policy is trained on markets (pretrain and fine-tune share it). Plain JSON data: it is
 * recorded in the checkpoint manifest so `--resume` can rebuild the same run.
 */
export interface TrainingSettings {
  /** Seed of the trainer's streams, the env episode starts and the network init. */
  seed: number;
  /** Env steps to train for, summed over envs. */
  steps: number;
  /** Parallel envs of the VectorEnv. */
  nEnvs: number;
  /** Steps per env per rollout; one PPO update uses nSteps × nEnvs transitions. */
  nSteps: number;
  /** Steps per training episode (starts are seeded random offsets in the training range). */
  episodeLength: number;
  /** Share of each market's bars, from the start, used for training (the rest is held out). */
  trainFraction: number;
  /** Alternative to `trainFraction`: train on the bars strictly before this time (date text or epoch ms). */
  trainEnd?: string | number;
  /** Built-in reward name or module path. */
  reward: string;
  rewardOptions?: Record<string, unknown>;
  costs: CostModelOptions;
  sizing: SizingMode;
  /** Initial capital, account currency. */
  initialCash: number;
  /** Target exposure per action (default [-1, -0.5, 0, 0.5, 1]). */
  actionLevels?: number[];
  /** Further PPO overrides (PpoConfig names), applied last. */
  ppo: Partial<PpoConfig>;
  /** Knowledge injection: layered fine-tuning, EWC, distillation, domain randomisation, curriculum, monitoring. */
  knowledge?: KnowledgeSettings;
}

/**
 * Defaults for trading: PPO-bench-sized rollouts (8 envs × 256 steps, minibatch 256,
 * 10 epochs), γ 0.99, λ 0.95, lr 3e-4, a small entropy bonus (0.01) so the policy keeps
 * exploring the five exposures, 256-step episodes.
 */
export const DEFAULT_TRAINING_SETTINGS: Readonly<TrainingSettings> = Object.freeze({
  seed: 0,
  steps: 100_000,
  nEnvs: 8,
  nSteps: 256,
  episodeLength: 256,
  trainFraction: 1,
  reward: 'sharpe-drawdown',
  costs: {},
  sizing: 'fractional' as const,
  initialCash: 100_000,
  ppo: {},
});

/** The PPO config of a training run: the trading defaults, the settings' sizes, then `settings.ppo`. */
export function ppoConfigOf(settings: TrainingSettings): Partial<PpoConfig> {
  const batch = settings.nSteps * settings.nEnvs;
  return {
    totalSteps: settings.steps,
    nSteps: settings.nSteps,
    minibatchSize: largestDivisorAtMost(batch, 256),
    nEpochs: 10,
    gamma: 0.99,
    gaeLambda: 0.95,
    learningRate: 3e-4,
    entCoef: 0.01,
    seed: settings.seed,
    ...settings.ppo,
  };
}

function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, limit); d > 1; d--) if (n % d === 0) return d;
  return 1;
}
