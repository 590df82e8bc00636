import type { Rng } from '../core/rng.js';
import type { StrategyContext } from './strategy-context.js';

/**
 * What a strategy learns before a run starts. Deliberately holds no market data: bars
 * and features reach a strategy only through the causal {@link StrategyContext}.
 */
export interface StrategySetup {
  /** Target exposures (signed fractions of equity) the returned action indices refer to. */
  readonly actionLevels: readonly number[];
  /** First bar the strategy decides on (inclusive). */
  readonly start: number;
  /** One past the last bar of the run; the last decision is taken at `end - 2`. */
  readonly end: number;
  /** The strategy's own random stream (e.g. for sampled policy actions). */
  readonly rng: Rng;
  /** Column names of the features the context serves (empty without features). */
  readonly featureNames: readonly string[];
}

/**
 * A chunk of feature rows handed to {@link Strategy.precomputeRows} before the loop:
 * rows `firstBarIndex … firstBarIndex + count - 1`, row-major, `count × dim`.
 * The buffer is reused by the engine between chunks; copy what you keep.
 */
export interface FeatureRowBatch {
  readonly firstBarIndex: number;
  readonly count: number;
  readonly dim: number;
  readonly values: Float32Array;
}

/** Per-decision outputs of policy strategies, shown on the dashboard. */
export interface DecisionOutputs {
  /** Action probabilities of the last decision (length = number of action levels). */
  readonly probs: Float32Array | null;
  /** Critic value estimate of the last decision. */
  readonly value: number | null;
}

/**
 * A trading strategy: on each bar t's close it returns the index of the target exposure
 * (into `StrategySetup.actionLevels`) to hold from bar t+1's open.
 *
 * The context exposes bars, features and account state up to t only; asking for a later
 * bar throws (look-ahead is impossible by construction). Strategies are stateful and
 * single-use per run: the engine calls `prepare` once, then `decide` for t = start … end-2
 * in order.
 */
export interface Strategy {
  /** Short identifier, e.g. "sma-crossover(10,30)". */
  readonly name: string;
  /** True when `decide` reads features (the engine then requires a FeatureMatrix). */
  readonly needsFeatures: boolean;
  /** Called once before the first decision. */
  prepare(setup: StrategySetup): void;
  /** The action index to hold from the next bar's open. */
  decide(context: StrategyContext): number;
  /**
   * Optional row-wise precomputation (e.g. one batched network forward pass over all bars
   * when the observation has no account features). This is the one place a strategy sees
   * rows after t, so implementations must map each row independently of every other row;
   * the policy strategy's look-ahead test checks it.
   */
  precomputeRows?(batch: FeatureRowBatch): void;
  /** Outputs of the last `decide` call (policy strategies), for telemetry. */
  decisionOutputs?(): DecisionOutputs;
  /** Releases resources (e.g. a policy's tensors); the caller that built the strategy calls it. */
  dispose?(): void;
}
