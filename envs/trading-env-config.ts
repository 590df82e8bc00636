import { TradegymError } from '../src/core/errors.js';
import { barCount, type BarSeries } from '../src/data/bar-series.js';
import type { FeatureMatrix } from '../src/features/feature-matrix.js';
import { validateActionLevels } from '../src/market/action-levels.js';
import type { CostModelOptions } from '../src/market/cost-model.js';
import type { SizingMode } from '../src/market/sizing.js';
import type { RewardFn } from '../src/rewards/reward-fn.js';

/** Steps per training episode when `episodeLength` is not given. */
export const DEFAULT_TRAIN_EPISODE_LENGTH = 1000;

/** Options of `TradingEnv`. */
export interface TradingEnvOptions {
  bars: BarSeries;
  /** Causal features of `bars` (same number of rows); row t is observed at step t. */
  features: FeatureMatrix;
  /** Target exposures per action (default [-1, -0.5, 0, 0.5, 1]). */
  actionLevels?: readonly number[];
  costs?: CostModelOptions;
  /** Default: the built-in `sharpe-drawdown`. Wrapped so a throw or non-finite value stops the run. */
  reward?: RewardFn;
  /** Starting cash, default 100000. */
  initialCash?: number;
  /** Steps per episode: training default {@link DEFAULT_TRAIN_EPISODE_LENGTH}; evaluation default the whole range. */
  episodeLength?: number;
  /** `train`: seeded random starts; `evaluate`: the whole range from its first observable bar. */
  mode: 'train' | 'evaluate';
  /** Bar indices [start, end) the env may use (default the whole series); `end` is exclusive. */
  range?: { start: number; end: number };
  /** Append exposure and drawdown to the observation (shape grows by 2). */
  includeAccountFeatures?: boolean;
  /** Terminate once drawdown ≥ this fraction, in (0, 1]; default none (bankruptcy still terminates). */
  drawdownLimit?: number;
  sizing?: SizingMode;
  /** Seed of the episode-start stream until `reset({ seed })` gives another; default 0. */
  seed?: number;
}

/** Validated index bounds of a TradingEnv. */
export interface TradingEnvBounds {
  levels: Float64Array;
  /** First bar that may be observed: max(features.firstValidIndex, range.start). */
  firstObservable: number;
  /** Last bar of the range (observed only as an episode's final observation). */
  lastBar: number;
  /** Steps per episode (Infinity = to the end of the range). */
  episodeLength: number;
  /** Terminate at this drawdown (Infinity = never). */
  drawdownLimit: number;
}

/**
 * Checks a TradingEnv's options and derives its bounds. A step from bar t needs bar t+1 to fill
 * on, so bars firstObservable … lastBar − 1 can be acted on and at least two usable bars are needed.
 * @throws TradegymError `E_BAD_CONFIG` for inconsistent options, `E_DATA_TOO_SHORT` when the range
 *   has fewer than two bars after the features' warm-up.
 */
export function resolveTradingEnvBounds(options: TradingEnvOptions): TradingEnvBounds {
  const { bars, features, mode } = options;
  const n = barCount(bars);
  if (mode !== 'train' && mode !== 'evaluate') bad('mode', mode, '"train" or "evaluate"');
  if (features.rows !== n) bad('features.rows', features.rows, `${n} rows, one per bar of "${bars.symbol}" (compute the features from the same series)`);
  const start = options.range?.start ?? 0;
  const end = options.range?.end ?? n;
  if (!Number.isInteger(start) || start < 0 || start >= n) bad('range.start', start, `an integer bar index in [0, ${n - 1}]`);
  if (!Number.isInteger(end) || end <= start || end > n) bad('range.end', end, `an integer in (${start}, ${n}] (exclusive end)`);
  const firstObservable = Math.max(features.firstValidIndex, start);
  const lastBar = end - 1;
  if (lastBar - firstObservable < 1) {
    throw new TradegymError(
      'E_DATA_TOO_SHORT',
      `TradingEnv on "${bars.symbol}" bars [${start}, ${end}) has ${Math.max(0, end - firstObservable)} bar(s) after the features' warm-up (first valid bar ${features.firstValidIndex}); it needs at least 2 (one to observe, the next to fill on). Use a longer range.`,
      { value: `${start}..${end}` },
    );
  }
  return {
    levels: validateActionLevels(options.actionLevels),
    firstObservable,
    lastBar,
    episodeLength: resolveEpisodeLength(options),
    drawdownLimit: resolveDrawdownLimit(options.drawdownLimit),
  };
}

function resolveEpisodeLength(options: TradingEnvOptions): number {
  const length = options.episodeLength;
  if (length === undefined) return options.mode === 'train' ? DEFAULT_TRAIN_EPISODE_LENGTH : Infinity;
  if (!Number.isInteger(length) || length < 1) bad('episodeLength', length, 'a positive integer number of steps');
  return length;
}

function resolveDrawdownLimit(limit: number | undefined): number {
  if (limit === undefined) return Infinity;
  if (typeof limit !== 'number' || !(limit > 0 && limit <= 1)) bad('drawdownLimit', limit, 'a fraction in (0, 1], e.g. 0.3 for 30 %');
  return limit;
}

function bad(field: string, value: unknown, expected: string): never {
  throw new TradegymError('E_BAD_CONFIG', `TradingEnv option ${field} is ${String(value)}; expected ${expected}.`, {
    column: field,
    value: String(value),
  });
}
