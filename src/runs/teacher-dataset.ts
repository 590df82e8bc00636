import path from 'node:path';
import { runBacktest } from '../backtest/run-backtest.js';
import { TradegymError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import type { CostModelOptions } from '../market/cost-model.js';
import { loadCheckpoint } from '../nn/model-store.js';
import type { DistillationData } from '../ppo/distillation-data.js';
import { oneHotTargets, temperedTargets } from '../ppo/teacher-targets.js';
import { createRuleStrategy } from '../../strategies/rule-strategies.js';
import type { Market } from './load-market.js';

/**
 * A distillation teacher: a rule strategy (deterministic; e.g. `{ "rule": "sma-crossover",
 * "params": { "fast": 10, "slow": 30 } }`) or a policy checkpoint (e.g. a larger pretrained
 * policy; an adapter needs its `base`).
 */
export type TeacherSpec =
  | { readonly rule: string; readonly params?: Readonly<Record<string, unknown>> }
  | { readonly checkpoint: string; readonly base?: string };

/** How demonstrations are turned into targets. */
export interface TeacherTargetOptions {
  /** Label smoothing ε (default 0.05 for rule teachers, 0 for policies). */
  smoothing?: number;
  /** Softening τ of a policy teacher's probabilities (default 1). */
  temperature?: number;
  /** Costs of the rule teacher's backtest (its decisions do not depend on them). */
  costs?: CostModelOptions;
}

/** A teacher's demonstrations and what produced them. */
export interface TeacherDataset {
  data: DistillationData;
  /** e.g. `rule sma-crossover(10,30)` or `policy <dir>`. */
  label: string;
}

/**
 * The teacher's demonstrations on the markets' training ranges: every observable bar's feature
 * row with the teacher's target distribution. A rule teacher is run once through the backtest
 * engine on each range (its action at bar t is decided from bars ≤ t, exactly as in a backtest)
 * and gives one-hot targets; a policy teacher gives its probabilities on the same rows. The
 * teacher must use the student's action levels (and, for a policy, its features).
 * @throws TradegymError E_BAD_CONFIG for an unknown rule, E_CHECKPOINT for a mismatched checkpoint.
 */
export async function buildTeacherDataset(
  teacher: TeacherSpec,
  markets: readonly Market[],
  ranges: readonly { readonly start: number; readonly end: number }[],
  actionLevels: readonly number[],
  options: TeacherTargetOptions = {},
): Promise<TeacherDataset> {
  const dim = markets[0]!.features.dim;
  const rows = markets.map((m, i) => ({ market: m, start: m.features.firstValidIndex, end: ranges[i]!.end }));
  const count = rows.reduce((n, r) => n + Math.max(0, r.end - 1 - r.start), 0);
  const observations = new Float32Array(count * dim);
  let offset = 0;
  for (const r of rows) {
    const n = Math.max(0, r.end - 1 - r.start);
    observations.set(r.market.features.values.subarray(r.start * dim, (r.start + n) * dim), offset * dim);
    offset += n;
  }
  const k = actionLevels.length;
  if ('rule' in teacher) {
    const targets = oneHotTargets(ruleActions(teacher, rows, count, actionLevels, options.costs), k, options.smoothing ?? 0.05);
    return { data: { observations, targets, count, observationSize: dim, actionCount: k }, label: `rule ${teacher.rule}${teacher.params ? JSON.stringify(teacher.params) : ''}` };
  }
  const loaded = await loadCheckpoint(path.resolve(teacher.checkpoint), teacher.base === undefined ? {} : { baseDir: path.resolve(teacher.base) });
  try {
    checkTeacherCheckpoint(teacher.checkpoint, loaded.manifest.featureNames, loaded.manifest.actionLevels, markets[0]!.features.names, actionLevels);
    const probs = loaded.policy.act(observations, count, new Rng(0), true).probs;
    const targets = temperedTargets(probs, k, options.temperature ?? 1, options.smoothing ?? 0);
    return { data: { observations, targets, count, observationSize: dim, actionCount: k }, label: `policy ${teacher.checkpoint}` };
  } finally {
    loaded.policy.dispose();
  }
}

/** The rule's decision at every row's bar: one backtest per market range, through the shared engine. */
function ruleActions(
  teacher: { readonly rule: string; readonly params?: Readonly<Record<string, unknown>> },
  rows: readonly { market: Market; start: number; end: number }[],
  count: number,
  actionLevels: readonly number[],
  costs: CostModelOptions | undefined,
): Int32Array {
  const actions = new Int32Array(count);
  let at = 0;
  for (const r of rows) {
    if (r.end - 1 - r.start <= 0) continue;
    const strategy = createRuleStrategy(teacher.rule, teacher.params, `distillation teacher ${teacher.rule}`);
    const result = runBacktest({ bars: r.market.series, features: r.market.features, strategy, actionLevels, range: { start: r.start, end: r.end }, ...(costs !== undefined && { costs }) });
    if (result.actions.length !== r.end - 1 - r.start) throw new TradegymError('E_INTERNAL', `teacher backtest on ${r.market.label} stopped early (bankrupt?)`);
    actions.set(result.actions, at);
    at += result.actions.length;
  }
  return actions;
}

function checkTeacherCheckpoint(dir: string, features: readonly string[], levels: readonly number[], studentFeatures: readonly string[], studentLevels: readonly number[]): void {
  if (features.join() !== studentFeatures.join() || levels.join() !== studentLevels.join()) {
    throw new TradegymError('E_CHECKPOINT',
      `teacher ${dir} observes [${features.join(', ')}] with actions [${levels.join(', ')}]; the student uses [${studentFeatures.join(', ')}] and [${studentLevels.join(', ')}]. A teacher must share the student's features and action levels.`,
      { file: dir });
  }
}
