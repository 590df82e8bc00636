import { RandomizedTradingEnv } from '../../envs/randomized-trading-env.js';
import type { TradingInfo } from '../../envs/trading-info.js';
import { TradingEnv } from '../../envs/trading-env.js';
import { TradegymError } from '../core/errors.js';
import { barCount } from '../data/bar-series.js';
import { parseTimestamp } from '../data/timestamp-parser.js';
import { createReward } from '../rewards/create-reward.js';
import type { RewardFn } from '../rewards/reward-fn.js';
import { VectorEnv } from '../rl/vector-env.js';
import type { Market } from './load-market.js';
import { needsRandomizedEnv } from './knowledge-settings.js';
import { MarketPoolEnv, type MarketEnv } from './market-pool-env.js';
import type { TrainingSettings } from './training-settings.js';

/** Bar range [start, end) of a market used for training. */
export interface TrainingRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The training range of a market: bars [0, end) with end = round(n · trainFraction), or the
 * first bar at or after `trainEnd` when given. Features are causal, so the held-out bars from
 * `end` on are never read while training.
 * @throws TradegymError E_BAD_ARGUMENT for a fraction outside (0, 1] or an unreadable date;
 *   E_DATA_TOO_SHORT when the range leaves fewer than 2 bars after the feature warm-up.
 */
export function trainingRange(market: Market, settings: Pick<TrainingSettings, 'trainFraction' | 'trainEnd'>): TrainingRange {
  const end = settings.trainEnd === undefined ? fractionEnd(market, settings.trainFraction) : dateEnd(market, settings.trainEnd);
  const usable = end - market.features.firstValidIndex;
  if (usable < 2) {
    throw new TradegymError('E_DATA_TOO_SHORT',
      `${market.label}: the training range has ${end} bars, ${Math.max(0, usable)} after the ${market.features.firstValidIndex}-bar feature warm-up; at least 2 are needed. Use more data or a later training end.`,
      { value: String(end) });
  }
  return { start: 0, end };
}

function fractionEnd(market: Market, trainFraction: number): number {
  if (!(trainFraction > 0 && trainFraction <= 1)) {
    throw new TradegymError('E_BAD_ARGUMENT', `train fraction ${trainFraction} is not in (0, 1]; use e.g. 0.7 to train on the first 70 % of the bars.`, { value: String(trainFraction) });
  }
  return Math.round(barCount(market.series) * trainFraction);
}

function dateEnd(market: Market, trainEnd: string | number): number {
  const ms = typeof trainEnd === 'number' ? trainEnd : parseTimestamp(trainEnd);
  if (!Number.isFinite(ms)) {
    throw new TradegymError('E_BAD_ARGUMENT', `training end "${String(trainEnd)}" is not a time; expected a date such as 2016-01-01 or epoch ms.`, { value: String(trainEnd) });
  }
  const t = market.series.timestamps;
  let end = 0;
  while (end < t.length && t[end]! < ms) end++;
  return end;
}

/**
 * The training env of a run: `settings.nEnvs` slots, each a {@link MarketPoolEnv} over one
 * train-mode `TradingEnv` per market (its training range, the settings' costs, sizing, cash,
 * action levels and a fresh reward instance). Slot i is seeded `seed + i`; market j in slot i
 * starts from `(seed + i) · M + j`. With domain randomisation or a curriculum in
 * `settings.knowledge`, each market env is a `RandomizedTradingEnv` drawing per-episode
 * conditions; those envs are appended to `conditionTargets` (for curriculum switches).
 */
export async function createTrainingEnv(markets: readonly Market[], settings: TrainingSettings, conditionTargets: RandomizedTradingEnv[] = []): Promise<VectorEnv<TradingInfo>> {
  const ranges = markets.map((m) => trainingRange(m, settings));
  const rewards: RewardFn[][] = [];
  for (let i = 0; i < settings.nEnvs; i++) {
    rewards.push(await Promise.all(markets.map(() => createReward(settings.reward, settings.rewardOptions))));
  }
  return new VectorEnv<TradingInfo>(settings.nEnvs, (i) => {
    const slotSeed = settings.seed + i;
    const envs = markets.map((market, j): MarketEnv => {
      const common = {
        bars: market.series,
        features: market.features,
        range: ranges[j]!,
        episodeLength: settings.episodeLength,
        reward: rewards[i]![j]!,
        costs: settings.costs,
        sizing: settings.sizing,
        initialCash: settings.initialCash,
        ...(settings.actionLevels !== undefined && { actionLevels: settings.actionLevels }),
        seed: slotSeed * markets.length + j,
      };
      if (!needsRandomizedEnv(settings.knowledge)) return new TradingEnv({ ...common, mode: 'train' });
      const env = new RandomizedTradingEnv({ ...common, ranges: settings.knowledge?.conditions ?? {} });
      conditionTargets.push(env);
      return env;
    });
    return new MarketPoolEnv(envs, slotSeed);
  });
}
