import type { Strategy } from '../backtest/strategy.js';
import type { BarSeries } from '../data/bar-series.js';
import { computeFeatures } from '../features/compute-features.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { selectBackend } from '../nn/backend.js';
import { loadPolicyStrategy } from '../../strategies/load-policy-strategy.js';
import { createRuleStrategy } from '../../strategies/rule-strategies.js';

/** What a simulation replays: a rule strategy by registry name, or a checkpoint directory. */
export type SimulationStrategySpec =
  | { readonly kind: 'rule'; readonly name: string; readonly params?: Readonly<Record<string, unknown>> }
  | {
      readonly kind: 'checkpoint';
      /** Checkpoint directory (trusted: resolved by the caller). */
      readonly dir: string;
      /** Base checkpoint directory, required when `dir` holds an adapter. */
      readonly baseDir?: string;
      /** Shown in the title, e.g. the checkpoint's catalog id. */
      readonly label: string;
      /** Arg-max actions (default) or seeded sampling. */
      readonly greedy?: boolean;
    };

/** A strategy ready for the backtest engine, with the inputs it needs. */
export interface SimulationStrategy {
  readonly strategy: Strategy;
  /** Features of the bars, when the strategy reads them (policies). */
  readonly features?: FeatureMatrix;
  /** Action levels a policy was trained with; undefined lets the engine use its default. */
  readonly actionLevels?: readonly number[];
}

/**
 * Builds the strategy of a simulation exactly as a backtest would: a rule strategy from the
 * registry (params validated), or a policy checkpoint through `loadPolicyStrategy` (tfjs
 * backend selected first) with the causal features of `bars`.
 */
export async function buildSimulationStrategy(spec: SimulationStrategySpec, bars: BarSeries, log: (line: string) => void): Promise<SimulationStrategy> {
  if (spec.kind === 'rule') return { strategy: createRuleStrategy(spec.name, spec.params, 'simulation') };
  await selectBackend('auto', log);
  const loaded = await loadPolicyStrategy({ checkpoint: spec.dir, base: spec.baseDir, greedy: spec.greedy ?? true, name: `policy:${spec.label}` });
  try {
    return { strategy: loaded.strategy, features: computeFeatures(bars), actionLevels: loaded.manifest.actionLevels };
  } catch (error) {
    loaded.strategy.dispose?.();
    throw error;
  }
}
