import { createRng, type Rng } from '../src/core/rng.js';
import type { BarSeries } from '../src/data/bar-series.js';
import { scaleVolatility } from '../src/data/scale-volatility.js';
import { windowVolatility } from '../src/data/window-volatility.js';
import { computeFeatures } from '../src/features/compute-features.js';
import type { FeatureConfig } from '../src/features/feature-config.js';
import type { FeatureMatrix } from '../src/features/feature-matrix.js';
import { createCostModel } from '../src/market/cost-model.js';
import {
  checkEpisodeConditionRanges,
  sampleEpisodeConditions,
  type EpisodeConditionRanges,
  type EpisodeConditions,
} from '../src/market/episode-conditions.js';
import type { Box } from '../src/rl/box.js';
import type { Discrete } from '../src/rl/discrete.js';
import type { Env, ResetOptions, ResetResult, StepResult } from '../src/rl/env.js';
import { TradingEnv } from './trading-env.js';
import type { TradingEnvOptions } from './trading-env-config.js';
import type { TradingInfo } from './trading-info.js';

/** Options of {@link RandomizedTradingEnv}: a train-mode TradingEnv's options plus the condition ranges. */
export interface RandomizedTradingEnvOptions extends Omit<TradingEnvOptions, 'mode' | 'seed' | 'episodeLength'> {
  /** Base episode length (a range's `episodeLength` overrides it). */
  episodeLength: number;
  /** What to randomise per episode (empty: a plain train-mode TradingEnv with regime filtering off). */
  ranges: EpisodeConditionRanges;
  /** Features of volatility-scaled bars are recomputed with this config (default: the default config). */
  featureConfig?: Partial<FeatureConfig>;
  /** Volatility scales are snapped to 2^(k/stepsPerOctave) so scaled markets can be cached (default 4). */
  volatilityStepsPerOctave?: number;
  /** Seeds the condition and episode-start streams until `reset({ seed })` gives another. */
  seed: number;
}

interface MarketVariant {
  bars: BarSeries;
  features: FeatureMatrix;
}

/**
 * A training env with per-episode conditions — domain randomisation of costs, slippage and
 * volatility, and the curriculum's regime and episode-length settings. Every `reset` draws the
 * episode's conditions (`sampleEpisodeConditions`, stream `conditions`), picks the market variant
 * with the drawn volatility scale (bars rescaled by `scaleVolatility`, features recomputed, cached
 * per snapped scale), picks a start whose window volatility lies in the drawn regime quantiles
 * (stream `episode-start`), and plays the episode on a fresh train-mode `TradingEnv` with the
 * drawn costs. `setRanges` (a curriculum switch) takes effect at the next reset. Fills, rewards
 * and observations are exactly TradingEnv's; buffers are the current TradingEnv's (see there).
 */
export class RandomizedTradingEnv implements Env<Float32Array, number, TradingInfo> {
  readonly observationSpace: Box;
  readonly actionSpace: Discrete;
  private ranges: EpisodeConditionRanges;
  private conditionRng: Rng;
  private startRng: Rng;
  private current: TradingEnv;
  private lastConditions: EpisodeConditions | undefined;
  private readonly variants = new Map<number, MarketVariant>();
  private readonly startsByLength = new Map<number, Int32Array>();
  private readonly baseCosts: { commissionBps: number; slippageBps: number };

  constructor(private readonly options: RandomizedTradingEnvOptions) {
    this.ranges = checkEpisodeConditionRanges(options.ranges, 'episode conditions');
    this.baseCosts = this.baseCostsOf();
    this.current = this.makeEnv(this.variant(1), options.episodeLength, this.baseCosts);
    this.observationSpace = this.current.observationSpace;
    this.actionSpace = this.current.actionSpace;
    this.conditionRng = createRng(options.seed).fork('conditions');
    this.startRng = createRng(options.seed).fork('episode-start');
  }

  /** Conditions of the current episode (undefined before the first reset). */
  get conditions(): EpisodeConditions | undefined {
    return this.lastConditions;
  }

  /** Replaces the condition ranges from the next episode on (curriculum stages); validated. */
  setRanges(ranges: EpisodeConditionRanges): void {
    this.ranges = checkEpisodeConditionRanges(ranges, 'episode conditions');
  }

  /** Draws the episode's conditions and starts it (a `seed` re-seeds both streams). */
  reset(options: ResetOptions = {}): ResetResult<Float32Array, TradingInfo> {
    if (options.seed !== undefined) {
      this.conditionRng = createRng(options.seed).fork('conditions');
      this.startRng = createRng(options.seed).fork('episode-start');
    }
    const conditions = sampleEpisodeConditions(this.ranges, { ...this.baseCosts, episodeLength: this.options.episodeLength }, this.conditionRng);
    this.lastConditions = conditions;
    const variant = this.variant(conditions.volatilityScale);
    this.current = this.makeEnv(variant, conditions.episodeLength, conditions);
    return this.current.reset({ options: { startIndex: this.pickStart(conditions), ...options.options } });
  }

  /** Steps the current episode's env. */
  step(action: number): StepResult<Float32Array, TradingInfo> {
    return this.current.step(action);
  }

  /** Nothing to release. */
  close(): void {}

  private baseCostsOf(): { commissionBps: number; slippageBps: number } {
    const costs = createCostModel(this.options.costs);
    return { commissionBps: costs.commissionBps, slippageBps: costs.slippageBps };
  }

  private makeEnv(variant: MarketVariant, episodeLength: number, costs: { commissionBps: number; slippageBps: number }): TradingEnv {
    const { ranges: _ranges, featureConfig: _config, volatilityStepsPerOctave: _steps, seed: _seed, bars: _bars, features: _features, ...rest } = this.options;
    return new TradingEnv({ ...rest, ...variant, mode: 'train', episodeLength, costs: { ...this.options.costs, commissionBps: costs.commissionBps, slippageBps: costs.slippageBps }, seed: 0 });
  }

  /** The market with its volatility scaled to the snapped `scale` (cached). */
  private variant(scale: number): MarketVariant {
    const perOctave = this.options.volatilityStepsPerOctave ?? 4;
    const k = Math.round(Math.log2(scale) * perOctave);
    let variant = this.variants.get(k);
    if (variant === undefined) {
      const bars = k === 0 ? this.options.bars : scaleVolatility(this.options.bars, 2 ** (k / perOctave));
      variant = { bars, features: k === 0 ? this.options.features : computeFeatures(bars, this.options.featureConfig) };
      this.variants.set(k, variant);
    }
    return variant;
  }

  /** A start bar whose episode window's volatility lies within the drawn regime quantiles. */
  private pickStart(conditions: EpisodeConditions): number {
    const env = this.current;
    const length = conditions.episodeLength;
    const latest = env.lastBarIndex - length;
    if (latest <= env.firstObservableIndex) return env.firstObservableIndex;
    const starts = this.startsFor(length, env.firstObservableIndex, latest);
    const [q0, q1] = conditions.regimeQuantiles;
    const lo = Math.floor(q0 * (starts.length - 1));
    const hi = Math.max(lo, Math.ceil(q1 * (starts.length - 1)));
    return starts[lo + this.startRng.int(hi - lo + 1)]!;
  }

  /**
   * Candidate starts [first, latest] sorted by the realized volatility of their window (cached per
   * length). Volatility scaling multiplies every window's volatility alike, so the order holds for
   * every variant.
   */
  private startsFor(length: number, first: number, latest: number): Int32Array {
    let starts = this.startsByLength.get(length);
    if (starts === undefined) {
      const volatility = windowVolatility(this.options.bars.close, length);
      starts = Int32Array.from({ length: latest - first + 1 }, (_, i) => first + i);
      starts.sort((a, b) => volatility[a]! - volatility[b]! || a - b);
      this.startsByLength.set(length, starts);
    }
    return starts;
  }
}
