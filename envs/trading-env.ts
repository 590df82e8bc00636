import { TradegymError } from '../src/core/errors.js';
import { createRng, type Rng } from '../src/core/rng.js';
import { Portfolio } from '../src/market/portfolio.js';
import { guardReward } from '../src/rewards/guard-reward.js';
import type { RewardFn, Transition } from '../src/rewards/reward-fn.js';
import { createBuiltinReward } from '../src/rewards/reward-registry.js';
import { Box } from '../src/rl/box.js';
import { Discrete } from '../src/rl/discrete.js';
import type { Env, ResetOptions, ResetResult, StepResult } from '../src/rl/env.js';
import { resolveTradingEnvBounds, type TradingEnvOptions } from './trading-env-config.js';
import { liveTradingInfo, type TradingInfo } from './trading-info.js';
import { createTransition, writeTransition } from './write-transition.js';

/** Names of the account features appended by `includeAccountFeatures`, in order. */
export const ACCOUNT_FEATURE_NAMES: readonly string[] = Object.freeze(['position', 'drawdown']);

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Gym-style single-instrument trading env with honest fills (DESIGN.md "Simulation semantics").
 * Step t: the agent sees features row t (never a warm-up row) and picks a target exposure
 * `actionLevels[action]`; the portfolio fills at bar t+1's open with slippage and commission
 * (the close→open gap accrues to the old position), pays short borrow, marks to t+1's close;
 * the reward sees that transition; the next observation is row t+1.
 * `terminated`: equity ≤ 0 or drawdown ≥ `drawdownLimit`. `truncated`: `episodeLength` steps
 * taken, or bar t+1 is the range's last bar (no later bar to fill on). Both may be true.
 *
 * **Buffers are reused**: the observation `Float32Array` and the returned step-result object are
 * overwritten by the next `reset`/`step`, and `info` is a live view of the current state — copy
 * what you keep (`observation.slice()`, `{ ...info }`). A step creates no objects, arrays or
 * closures. Stepping before `reset()` or after the episode ended throws `E_ENV_STATE`.
 */
export class TradingEnv implements Env<Float32Array, number, TradingInfo> {
  /** Box(features.dim), or Box(features.dim + 2) with account features (position, drawdown ∈ [0, 1]). */
  readonly observationSpace: Box;
  /** Discrete(number of action levels). */
  readonly actionSpace: Discrete;
  /** Feature names of the observation, in order. */
  readonly observationNames: readonly string[];
  /** Target exposure of each action. */
  readonly actionLevels: Float64Array;
  readonly mode: 'train' | 'evaluate';
  /** First bar an episode may start on. */
  readonly firstObservableIndex: number;
  /** Last bar of the range: observed only as an episode's final observation. */
  readonly lastBarIndex: number;
  /** Steps per episode (Infinity = to the end of the range). */
  readonly episodeLength: number;
  /** The account (read-only use: inspect cash, shares, equity). */
  readonly portfolio: Portfolio;
  /** The guarded reward. */
  readonly reward: RewardFn;
  private rng: Rng;
  private readonly openPrices: Float64Array;
  private readonly closePrices: Float64Array;
  private readonly timestamps: Float64Array;
  private readonly featureValues: Float32Array;
  /**
   * When `dim` is even and the values 8-byte aligned, feature rows and the observation viewed as
   * float64 words: a row copies as dim/2 word moves (about 1.5× faster than float32 element
   * copies). Only a float32 NaN in an odd column could form a float64 NaN, whose payload an engine
   * may canonicalise; features are finite after warm-up, so the copy is exact.
   */
  private readonly featureWords: Float64Array | undefined;
  private readonly observationWords: Float64Array;
  private readonly featureDim: number;
  private readonly accountFeatures: boolean;
  private readonly drawdownLimit: number;
  private readonly observation: Float32Array;
  private readonly info: TradingInfo;
  private targetExposure = 0;
  private readonly transition: Transition = createTransition();
  private readonly result: StepResult<Float32Array, TradingInfo>;
  private t = 0;
  private stepCount = 0;
  private needsReset = true;

  constructor(options: TradingEnvOptions) {
    const bounds = resolveTradingEnvBounds(options);
    const { bars, features } = options;
    this.actionLevels = bounds.levels;
    this.mode = options.mode;
    this.firstObservableIndex = bounds.firstObservable;
    this.lastBarIndex = bounds.lastBar;
    this.episodeLength = bounds.episodeLength;
    this.drawdownLimit = bounds.drawdownLimit;
    this.portfolio = new Portfolio({ initialCash: options.initialCash, costs: options.costs, sizing: options.sizing });
    this.reward = options.reward ? guardReward(options.reward) : createBuiltinReward();
    this.rng = createRng(options.seed ?? 0).fork('episode-start');
    this.openPrices = bars.open;
    this.closePrices = bars.close;
    this.timestamps = bars.timestamps;
    this.featureValues = features.values;
    const wordAligned = features.dim % 2 === 0 && features.values.byteOffset % 8 === 0;
    this.featureWords = wordAligned ? new Float64Array(features.values.buffer, features.values.byteOffset, features.values.length / 2) : undefined;
    this.featureDim = features.dim;
    this.accountFeatures = options.includeAccountFeatures ?? false;
    const extra = this.accountFeatures ? ACCOUNT_FEATURE_NAMES : [];
    this.observationNames = Object.freeze([...features.names, ...extra]);
    const size = features.dim + extra.length;
    this.observationSpace = observationBox(size, this.accountFeatures);
    this.actionSpace = new Discrete(this.actionLevels.length);
    this.observation = new Float32Array(size);
    this.observationWords = new Float64Array(this.observation.buffer, 0, size >> 1);
    this.info = this.createInfo();
    this.result = { observation: this.observation, reward: 0, terminated: false, truncated: false, info: this.info };
  }

  /**
   * Starts an episode. `seed` re-creates the episode-start stream (`rng.fork('episode-start')`);
   * without it the stream continues. `options.startIndex` (a bar in
   * [firstObservableIndex, lastBarIndex − 1]) fixes the start. Otherwise training starts at a
   * seeded random bar that leaves room for a full episode; evaluation at the first observable bar.
   */
  reset(options: ResetOptions = {}): ResetResult<Float32Array, TradingInfo> {
    if (options.seed !== undefined) this.rng = createRng(options.seed).fork('episode-start');
    this.t = this.startIndex(options.options?.['startIndex']);
    this.stepCount = 0;
    this.needsReset = false;
    this.portfolio.reset();
    this.transition.positionAfter = 0;
    this.reward.reset();
    this.targetExposure = 0;
    this.writeObservation();
    return { observation: this.observation, info: this.info };
  }

  /** Acts with target exposure `actionLevels[action]` on bar t and advances to t+1 (see the class doc). */
  step(action: number): StepResult<Float32Array, TradingInfo> {
    const level: number | undefined = this.actionLevels[action];
    if (this.needsReset || level === undefined) this.rejectStep(action);
    const p = this.portfolio;
    const tr = this.transition;
    tr.step = this.stepCount;
    tr.equityBefore = p.equity;
    tr.positionBefore = tr.positionAfter; // the exposure at bar t's close, kept from the last step (0 after reset)
    tr.drawdownBefore = p.drawdown;
    const next = this.t + 1;
    p.rebalance(level as number, this.openPrices[next]!);
    p.markToMarket(this.closePrices[next]!);
    writeTransition(tr, p);
    this.t = next;
    this.stepCount++;
    const result = this.result;
    result.reward = this.reward.reward(tr);
    result.terminated = p.equity <= 0 || p.drawdown >= this.drawdownLimit;
    result.truncated = this.stepCount >= this.episodeLength || next >= this.lastBarIndex;
    this.needsReset = result.terminated || result.truncated;
    this.targetExposure = level as number;
    this.writeObservation();
    return result;
  }

  /** Nothing to release. */
  close(): void {}

  private startIndex(requested: unknown): number {
    const first = this.firstObservableIndex;
    const lastStart = this.lastBarIndex - 1;
    if (requested !== undefined) {
      if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < first || requested > lastStart) {
        throw new TradegymError('E_BAD_ARGUMENT', `reset option startIndex is ${String(requested)}; expected an integer bar index in [${first}, ${lastStart}] (after warm-up, before the range's last bar).`, {
          column: 'startIndex',
          value: String(requested),
        });
      }
      return requested;
    }
    if (this.mode === 'evaluate') return first;
    const latest = this.lastBarIndex - this.episodeLength;
    return latest > first ? this.rng.intRange(first, latest) : first;
  }

  private writeObservation(): void {
    const dim = this.featureDim;
    const words = this.featureWords;
    if (words !== undefined) {
      const out = this.observationWords;
      const half = dim >> 1;
      const offset = this.t * half;
      for (let i = 0; i < half; i++) out[i] = words[offset + i]!;
    } else {
      const out = this.observation;
      const values = this.featureValues;
      const offset = this.t * dim;
      for (let i = 0; i < dim; i++) out[i] = values[offset + i]!;
    }
    if (this.accountFeatures) {
      this.observation[dim] = this.portfolio.exposure;
      this.observation[dim + 1] = this.portfolio.drawdown;
    }
  }

  /** The info object: live getters over the env's state (see `liveTradingInfo`). */
  private createInfo(): TradingInfo {
    const p = this.portfolio;
    const f = p.fill;
    return liveTradingInfo({
      barIndex: () => this.t,
      timestamp: () => this.timestamps[this.t]!,
      step: () => this.stepCount,
      equity: () => p.equity,
      cash: () => p.cash,
      position: () => p.exposure,
      shares: () => p.shares,
      targetExposure: () => this.targetExposure,
      openPrice: () => f.openPrice,
      fillPrice: () => f.fillPrice,
      tradedShares: () => f.tradedShares,
      tradedValue: () => f.tradedValue,
      commission: () => f.commission,
      slippage: () => f.slippage,
      borrow: () => f.borrow,
      drawdown: () => p.drawdown,
      peak: () => p.peak,
    });
  }

  private rejectStep(action: number): never {
    if (this.needsReset) {
      throw new TradegymError('E_ENV_STATE', 'TradingEnv.step called before reset() or after the episode ended (terminated or truncated); call reset().');
    }
    throw new TradegymError('E_BAD_ARGUMENT', `TradingEnv action must be an integer in [0, ${this.actionLevels.length - 1}] (index into actionLevels), got ${String(action)}.`, {
      value: String(action),
    });
  }
}

/** Observation bounds: ±float32 max for features and exposure (as gymnasium's unbounded boxes), [0, 1] for drawdown. */
function observationBox(size: number, accountFeatures: boolean): Box {
  const low = new Float32Array(size).fill(-FLOAT32_MAX);
  const high = new Float32Array(size).fill(FLOAT32_MAX);
  if (accountFeatures) {
    low[size - 1] = 0;
    high[size - 1] = 1;
  }
  return new Box(size, low, high);
}
