import type { TradingInfo } from '../../envs/trading-info.js';
import { TradegymError } from '../core/errors.js';
import { createRng, type Rng } from '../core/rng.js';
import type { Env, ResetOptions, ResetResult, StepResult } from '../rl/env.js';
import type { Box } from '../rl/box.js';
import type { Discrete } from '../rl/discrete.js';

/** A per-market training env: a train-mode `TradingEnv` or a `RandomizedTradingEnv` (Box observations, Discrete actions). */
export type MarketEnv = Env<Float32Array, number, TradingInfo> & { readonly observationSpace: Box; readonly actionSpace: Discrete };

/**
 * One env over a pool of markets: at every reset it picks one of its `TradingEnv`s (one per
 * market, each with its own bars, features and training range) uniformly with a seeded stream
 * (`rng.fork('market-pool')`) and plays that episode on it. A `VectorEnv` of these is the
 * pretraining env: every slot samples markets across episodes, however many markets and
 * slots there are. Observation and action spaces must be identical across markets.
 * Buffers are the chosen TradingEnv's (overwritten by its next reset/step; see TradingEnv).
 */
export class MarketPoolEnv implements Env<Float32Array, number, TradingInfo> {
  readonly observationSpace: Box;
  readonly actionSpace: Discrete;
  private readonly envs: readonly MarketEnv[];
  private rng: Rng;
  private current: MarketEnv;
  /** Index of the market the current episode plays on. */
  marketIndex = 0;

  /** @param envs one env per market, in train mode; @param seed seeds the market choice until `reset({ seed })`. */
  constructor(envs: readonly MarketEnv[], seed: number) {
    if (envs.length === 0) throw new TradegymError('E_BAD_ARGUMENT', 'MarketPoolEnv needs at least one market.');
    const first = envs[0]!;
    envs.forEach((env, i) => {
      if (env.observationSpace.shape[0] !== first.observationSpace.shape[0] || env.actionSpace.n !== first.actionSpace.n) {
        throw new TradegymError('E_BAD_CONFIG', `market ${i} has a different observation or action space than market 0; every market must use the same features and action levels.`);
      }
    });
    this.envs = envs;
    this.observationSpace = first.observationSpace;
    this.actionSpace = first.actionSpace;
    this.rng = createRng(seed).fork('market-pool');
    this.current = first;
  }

  /**
   * Picks a market and resets its env. With a `seed`, the market stream and every market's
   * episode-start stream are re-seeded (market j with `seed · M + j`), so a seeded reset fully
   * determines what follows regardless of history.
   */
  reset(options: ResetOptions = {}): ResetResult<Float32Array, TradingInfo> {
    if (options.seed !== undefined) {
      this.rng = createRng(options.seed).fork('market-pool');
      this.envs.forEach((env, j) => env.reset({ seed: options.seed! * this.envs.length + j }));
    }
    this.marketIndex = this.envs.length === 1 ? 0 : this.rng.int(this.envs.length);
    this.current = this.envs[this.marketIndex]!;
    return this.current.reset(options.options === undefined ? {} : { options: options.options });
  }

  /** Steps the current market's env. */
  step(action: number): StepResult<Float32Array, TradingInfo> {
    return this.current.step(action);
  }

  /** Closes every market's env. */
  close(): void {
    for (const env of this.envs) env.close();
  }
}
