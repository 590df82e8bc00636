import type { BacktestSpec, StrategySpec } from '../backtest/backtest-spec.js';
import type { Strategy } from '../backtest/strategy.js';
import { strategyLabel } from '../backtest/strategy-label.js';
import type { TrainedModel } from '../backtest/transfer-spec.js';
import { TradegymError } from '../core/errors.js';
import { loadPolicyStrategy } from '../../strategies/load-policy-strategy.js';
import { createRuleStrategy } from '../../strategies/rule-strategies.js';
import { resolveSpecPath } from './backtest-spec-data.js';

/** A checkpoint the transfer pipeline produced for a `{ "trained": … }` strategy. */
export interface TrainedCheckpoint {
  readonly dir: string;
  /** Base checkpoint, when `dir` holds an adapter. */
  readonly base?: string;
  /** Wall time of the training that produced it, seconds. */
  readonly trainSeconds?: number;
  /** Size of its weights file, bytes (shown when known). */
  readonly weightBytes?: number;
  /** Base source-market Sharpe − this model's (see `addForgettingReport`); null when not a fine-tune of the base. */
  readonly forgetting?: number | null;
}

/** One built strategy of a spec, with what the report and manifest show about it. */
export interface SpecStrategy {
  readonly label: string;
  readonly strategy: Strategy;
  readonly trainableParams?: number;
  readonly trainSeconds?: number;
  readonly weightBytes?: number;
  readonly forgetting?: number | null;
  /** Action levels a policy was trained with (rule strategies adapt to any). */
  readonly actionLevels?: readonly number[];
  /** JSON-safe description for manifest.json. */
  readonly source: Readonly<Record<string, unknown>>;
}

/** Inputs of {@link buildSpecStrategies}. */
export interface BuildSpecStrategiesOptions {
  /** Folder that relative checkpoint paths resolve against (the spec's folder). */
  readonly baseDir: string;
  /** The spec's path, named in errors. */
  readonly specPath: string;
  readonly trained?: Partial<Readonly<Record<TrainedModel, TrainedCheckpoint>>>;
}

/**
 * Builds every strategy of a spec in order: rule strategies from the registry (params
 * validated with their field paths), policies from checkpoint folders or from the transfer
 * pipeline's outputs. If one fails, those already loaded are disposed before rethrowing.
 */
export async function buildSpecStrategies(spec: BacktestSpec, options: BuildSpecStrategiesOptions): Promise<SpecStrategy[]> {
  const built: SpecStrategy[] = [];
  try {
    for (const [i, entry] of spec.strategies.entries()) built.push(await buildOne(entry, `${options.specPath} strategies[${i}]`, options));
    return built;
  } catch (e) {
    for (const b of built) b.strategy.dispose?.();
    throw e;
  }
}

async function buildOne(entry: StrategySpec, where: string, options: BuildSpecStrategiesOptions): Promise<SpecStrategy> {
  const label = strategyLabel(entry);
  if ('name' in entry) {
    return { label, strategy: createRuleStrategy(entry.name, entry.params, where), source: { kind: 'rule', name: entry.name, params: entry.params ?? {} } };
  }
  const checkpoint: TrainedCheckpoint | undefined =
    'checkpoint' in entry
      ? { dir: resolveSpecPath(options.baseDir, entry.checkpoint), ...(entry.base !== undefined && { base: resolveSpecPath(options.baseDir, entry.base) }) }
      : options.trained?.[entry.trained];
  if (checkpoint === undefined) {
    throw new TradegymError('E_BAD_CONFIG', `${where}: no checkpoint for the trained model "${'trained' in entry ? entry.trained : ''}"; run the spec's transfer experiment first`);
  }
  const loaded = await loadPolicyStrategy({ checkpoint: checkpoint.dir, base: checkpoint.base, greedy: entry.greedy ?? true, name: label });
  return {
    label,
    strategy: loaded.strategy,
    trainableParams: loaded.trainableParams,
    trainSeconds: checkpoint.trainSeconds,
    weightBytes: checkpoint.weightBytes ?? loaded.manifest.weights.bytes,
    ...(checkpoint.forgetting !== undefined && { forgetting: checkpoint.forgetting }),
    actionLevels: loaded.manifest.actionLevels,
    source: { kind: 'policy', checkpoint: checkpoint.dir, base: checkpoint.base ?? null, checkpointKind: loaded.manifest.kind, greedy: entry.greedy ?? true, fingerprint: loaded.manifest.fingerprint, baseFingerprint: loaded.manifest.baseFingerprint },
  };
}
