import { TradingEnv } from '../../envs/trading-env.js';
import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { ActorCritic } from '../nn/actor-critic.js';
import { createBuiltinReward } from '../rewards/reward-registry.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import { PpoTrainer, type PpoUpdateStats } from '../ppo/ppo-trainer.js';
import { VectorEnv } from '../rl/vector-env.js';
import type { TradingDecision } from './trading-episode-returns.js';

/** Options of `trainTradingPpo`. */
export interface TrainTradingPpoOptions {
  series: BarSeries;
  features: FeatureMatrix;
  ppo: Partial<PpoConfig>;
  nEnvs: number;
  /** Steps per training episode (random starts inside the series). */
  episodeLength: number;
  hidden: readonly number[];
  /** Built-in reward name (default: the env's default, `sharpe-drawdown`). */
  reward?: string;
  seed: number;
  onUpdate?: (stats: PpoUpdateStats) => void;
}

/** A trained policy with a greedy decision function for TradingEnv evaluation. */
export interface TrainedTradingPolicy {
  policy: ActorCritic;
  /** Arg-max action of the policy for an observation (batch of one). */
  greedy: TradingDecision;
  last: PpoUpdateStats | null;
  wallSeconds: number;
}

/**
 * From-scratch PPO (arXiv:1707.06347) on a TradingEnv over the whole given series: N envs with
 * seeded random episode starts, a fresh separate actor-critic MLP, the given PPO settings.
 * The caller owns (and disposes) the returned policy.
 */
export async function trainTradingPpo(options: TrainTradingPpoOptions): Promise<TrainedTradingPolicy> {
  const { series, features, seed } = options;
  const env = new VectorEnv(options.nEnvs, (i) =>
    new TradingEnv({
      bars: series,
      features,
      mode: 'train',
      episodeLength: options.episodeLength,
      seed: seed * 1000 + i,
      reward: options.reward === undefined ? undefined : createBuiltinReward(options.reward),
    }));
  const policy = ActorCritic.create(
    { observationSize: env.obsDim, actionCount: env.actionSpace.n, actorHidden: options.hidden, criticHidden: options.hidden, activation: 'tanh' },
    createRng(seed).fork('policy'),
  );
  const trainer = new PpoTrainer({ policy, env, config: { ...options.ppo, seed }, onUpdate: options.onUpdate });
  const start = performance.now();
  const { last } = await trainer.train();
  const wallSeconds = (performance.now() - start) / 1000;
  trainer.dispose();
  env.close();
  const rng = createRng(seed).fork('greedy');
  const greedy: TradingDecision = (observation) => policy.act(observation, 1, rng, true).actions[0]!;
  return { policy, greedy, last, wallSeconds };
}
