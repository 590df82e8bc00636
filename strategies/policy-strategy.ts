import { TradegymError } from '../src/core/errors.js';
import type { Rng } from '../src/core/rng.js';
import type { DecisionOutputs, FeatureRowBatch, Strategy, StrategySetup } from '../src/backtest/strategy.js';
import type { StrategyContext } from '../src/backtest/strategy-context.js';
import type { Policy } from '../src/nn/policy.js';
import { accountSlots, type AccountSlot } from './account-slots.js';

/** Options of {@link policyStrategy}. */
export interface PolicyStrategyOptions {
  readonly policy: Policy;
  readonly name: string;
  /** Arg-max action (default) instead of sampling from π with the strategy's seeded RNG. */
  readonly greedy?: boolean;
  /**
   * Observation names the policy was trained on (checkpoint manifest `featureNames`): the
   * feature columns, optionally followed by the account features "position" / "drawdown"
   * that `TradingEnv` appends with `includeAccountFeatures`.
   */
  readonly observationNames: readonly string[];
  /** Action levels the policy was trained with; the backtest must use the same. */
  readonly actionLevels: readonly number[];
  /** Dispose the policy when the strategy is disposed (default false). */
  readonly ownsPolicy?: boolean;
}

/**
 * A trained policy as a strategy: observes what `TradingEnv` would (feature row t, plus the
 * account's exposure and drawdown when the policy was trained with them), computes π and V,
 * and takes the arg-max or a seeded sample. Without account features the forward pass is
 * batched over all bars before the loop (`precomputeRows`, 4096 rows per call); each row's
 * output depends on that row only. With account features it runs once per bar.
 */
export function policyStrategy(options: PolicyStrategyOptions): Strategy {
  return new PolicyStrategy(options);
}

/** Implementation of {@link policyStrategy}; per-run buffers are sized in `prepare`. */
class PolicyStrategy implements Strategy {
  readonly name: string;
  readonly needsFeatures = true;
  private readonly policy: Policy;
  private readonly greedy: boolean;
  private readonly k: number;
  private readonly observation: Float32Array;
  private slots: readonly AccountSlot[] = [];
  private rng: Rng | undefined;
  private start = 0;
  private dim = 0;
  private probs = new Float32Array(0);
  private values = new Float32Array(0);
  private filled = new Uint8Array(0);
  private lastRow = -1;

  constructor(private readonly options: PolicyStrategyOptions) {
    this.name = options.name;
    this.policy = options.policy;
    this.greedy = options.greedy ?? true;
    this.k = options.policy.actionCount;
    this.observation = new Float32Array(options.policy.observationSize);
  }

  prepare(setup: StrategySetup): void {
    checkActionLevels(this.options, setup.actionLevels);
    this.slots = accountSlots(this.name, this.options.observationNames, setup.featureNames, this.policy.observationSize);
    this.dim = setup.featureNames.length;
    this.rng = setup.rng;
    this.start = setup.start;
    const rows = setup.end - setup.start;
    this.probs = new Float32Array(rows * this.k);
    this.values = new Float32Array(rows);
    this.filled = new Uint8Array(rows);
    this.lastRow = -1;
  }

  precomputeRows(batch: FeatureRowBatch): void {
    if (this.slots.length > 0) return;
    const result = this.policy.act(batch.values, batch.count, this.rng!, true);
    const row = batch.firstBarIndex - this.start;
    this.probs.set(result.probs, row * this.k);
    this.values.set(result.values, row);
    this.filled.fill(1, row, row + batch.count);
  }

  decide(ctx: StrategyContext): number {
    const t = ctx.barIndex;
    const row = t - this.start;
    if (this.filled[row] !== 1) this.forwardOne(ctx, t, row);
    this.lastRow = row;
    const k = this.k;
    return this.greedy ? argMax(this.probs, row * k, k) : this.rng!.categorical(this.probs, row * k, k);
  }

  decisionOutputs(): DecisionOutputs {
    const row = this.lastRow;
    if (row < 0) return { probs: null, value: null };
    return { probs: this.probs.subarray(row * this.k, (row + 1) * this.k), value: this.values[row]! };
  }

  dispose(): void {
    if (this.options.ownsPolicy === true) this.policy.dispose();
  }

  /** One forward pass on bar t's observation (features, then the account features in order). */
  private forwardOne(ctx: StrategyContext, t: number, row: number): void {
    const observation = this.observation;
    ctx.copyFeatureRow(t, observation, 0);
    for (let j = 0; j < this.slots.length; j++) observation[this.dim + j] = this.slots[j] === 'position' ? ctx.position : ctx.drawdown;
    const result = this.policy.act(observation, 1, this.rng!, true);
    this.probs.set(result.probs, row * this.k);
    this.values[row] = result.values[0]!;
  }
}

function checkActionLevels(options: PolicyStrategyOptions, levels: readonly number[]): void {
  const trained = options.actionLevels;
  if (trained.length !== levels.length || trained.some((v, i) => v !== levels[i])) {
    throw new TradegymError(
      'E_BAD_CONFIG',
      `${options.name} was trained with action levels [${trained.join(', ')}] but the backtest uses [${levels.join(', ')}]; ` +
        `set the backtest's actionLevels to [${trained.join(', ')}]`,
    );
  }
}

/** Index of the largest of `count` values from `offset`; the first on ties. */
function argMax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let i = 1; i < count; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}
