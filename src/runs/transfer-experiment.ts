import path from 'node:path';
import type { BacktestSpec } from '../backtest/backtest-spec.js';
import type { DataSpec } from '../backtest/data-spec.js';
import type { TrainedModel, TransferSpec } from '../backtest/transfer-spec.js';
import { TradegymError } from '../core/errors.js';
import type { SyntheticMarketOptions } from '../data/synthetic-market-options.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import { resolveSpecPath } from './backtest-spec-data.js';
import type { TrainedCheckpoint } from './build-spec-strategies.js';
import { runFinetune } from './finetune.js';
import { addForgettingReport, type SourceMarketReport } from './forgetting-report.js';
import { runKnowledgePhases } from './knowledge-phases.js';
import { writeKnowledgeReport } from './knowledge-report.js';
import type { MarketSource } from './market-source.js';
import { runPretrain } from './pretrain.js';
import type { TrainingOutcome, TrainingRunOptions } from './training-session.js';
import type { TrainingSettings } from './training-settings.js';

/** Options of {@link runTransferExperiment}. */
export interface TransferRunOptions {
  /** Folder that relative CSV paths of the spec resolve against (the spec's folder). */
  baseDir: string;
  /** Folder the checkpoints are written to: `<dir>/base`, `lora`, `full-finetune`, `scratch`. */
  checkpointsDir: string;
  /** Run options per phase (progress bars, stop signal, backend); called before each phase. */
  phaseOptions?: (phase: TrainedModel, steps: number) => TrainingRunOptions;
  /** One-line notes (EWC Fisher, quantization sizes, report paths). */
  log?: (line: string) => void;
  /** Feature cache folder of the forgetting report's source markets (default `.tradegym-cache/features`). */
  featureCacheDir?: string;
}

/** The experiment's checkpoints (for `runBacktestSpec`'s `trained`) and each phase's outcome. */
export interface TransferRun {
  trained: Partial<Record<TrainedModel, TrainedCheckpoint>>;
  outcomes: Partial<Record<TrainedModel, TrainingOutcome>>;
  /** True when a phase was stopped early (Ctrl-C); later phases were skipped. */
  stopped: boolean;
  /** Every model's Sharpe on the base's source markets and its forgetting (when `transfer.forgetting` is not false). */
  forgetting?: Partial<Record<TrainedModel, SourceMarketReport>>;
}

/**
 * The knowledge-transfer experiment of a spec's `transfer` section (DESIGN.md): pretrain a base
 * policy with full PPO on the source markets; on the target (`spec.data`) training part —
 * the bars before the backtested split or range — fine-tune LoRA adapters, optionally fine-tune
 * every weight (rank 0), and optionally train from scratch. Costs, sizing, cash, seed and action
 * levels are the spec's, so training and the backtest fill identically. Then the knowledge-injection
 * phases (`runKnowledgePhases`: LoRA + EWC, robust LoRA, QLoRA, distilled student, quantized
 * export) and the forgetting report on the source markets; `<checkpointsDir>/knowledge-report.json`
 * collects parameters, wall time, weights size, forgetting and the monitor's last fields per model.
 * Phases run in that order; a stopped phase (Ctrl-C) still saves its checkpoint and ends the experiment.
 */
export async function runTransferExperiment(spec: BacktestSpec, options: TransferRunOptions): Promise<TransferRun> {
  const transfer = spec.transfer;
  if (transfer === undefined) throw new TradegymError('E_BAD_CONFIG', `spec ${spec.name} has no "transfer" section to train.`);
  const target = sourceOf(spec.data, options.baseDir);
  const trainLimit = targetTrainLimit(spec);
  const settings = (steps: number, ppo: object | undefined, trainOnTarget: boolean): TrainingSettings => ({
    ...baseSettings(spec, transfer, steps, ppo),
    ...(trainOnTarget ? trainLimit : { trainFraction: 1 }),
  });
  const network = { actorHidden: [...(transfer.network?.actorHidden ?? [64, 64])], criticHidden: [...(transfer.network?.criticHidden ?? [64, 64])] };
  const dir = (name: TrainedModel) => path.join(options.checkpointsDir, name);
  const run: TransferRun = { trained: {}, outcomes: {}, stopped: false };
  const record = (name: TrainedModel, outcome: TrainingOutcome, base?: string) => {
    run.outcomes[name] = outcome;
    run.trained[name] = { dir: outcome.checkpointDir, ...(base !== undefined && { base }), trainSeconds: outcome.progress.seconds };
    run.stopped = outcome.progress.status === 'stopped';
    return !run.stopped;
  };
  const phase = (name: TrainedModel, steps: number) => options.phaseOptions?.(name, steps) ?? {};

  const sources = transfer.sources.map((s) => sourceOf(s, options.baseDir));
  const base = await runPretrain({ ...settings(transfer.pretrain.steps, transfer.pretrain.ppo, false), markets: sources, out: dir('base'), ...network }, phase('base', transfer.pretrain.steps));
  if (!record('base', base)) return run;
  const lora = transfer.lora;
  const loraRequest = { base: dir('base'), market: target, out: dir('lora'), rank: lora.rank, alpha: lora.alpha, klCoef: 0, heads: 'frozen' as const };
  const layered = lora.layers === undefined ? {} : { knowledge: { layers: lora.layers } };
  if (!record('lora', await runFinetune({ ...settings(lora.steps, lora.ppo, true), ...loraRequest, ...layered }, phase('lora', lora.steps)), dir('base'))) return run;
  const full = transfer.fullFinetune;
  if (full !== undefined) {
    const request = { ...loraRequest, out: dir('full-finetune'), rank: 0, alpha: 1 };
    if (!record('full-finetune', await runFinetune({ ...settings(full.steps, full.ppo, true), ...request }, phase('full-finetune', full.steps)), dir('base'))) return run;
  }
  const scratch = transfer.scratch;
  if (scratch !== undefined) {
    if (!record('scratch', await runPretrain({ ...settings(scratch.steps, scratch.ppo, true), markets: [target], out: dir('scratch'), ...network }, phase('scratch', scratch.steps)))) return run;
  }
  const context = { spec, transfer, target, settings, dir, network, loraRequest, trained: run.trained, record, phase, ...(options.log !== undefined && { log: options.log }) };
  if (await runKnowledgePhases(context)) await reportKnowledgeTransfer(spec, sources, run, options);
  return run;
}

/** The forgetting report on the source markets (unless `transfer.forgetting` is false) and `knowledge-report.json`. */
async function reportKnowledgeTransfer(spec: BacktestSpec, sources: readonly MarketSource[], run: TransferRun, options: TransferRunOptions): Promise<void> {
  if (spec.transfer?.forgetting !== false) {
    run.forgetting = await addForgettingReport(run.trained, sources, {
      costs: spec.costs ?? {}, sizing: spec.sizing ?? 'fractional', initialCash: spec.initialCash ?? 100_000, seed: spec.seed ?? 0,
      ...(options.featureCacheDir !== undefined && { featureCacheDir: options.featureCacheDir }),
    });
  }
  const reportPath = await writeKnowledgeReport(options.checkpointsDir, run);
  options.log?.(`knowledge-transfer report: ${reportPath}`);
}

function baseSettings(spec: BacktestSpec, transfer: TransferSpec, steps: number, phasePpo: object | undefined): Omit<TrainingSettings, 'trainFraction'> {
  const ppo = { ...(transfer.ppo as Partial<PpoConfig> | undefined), ...(phasePpo as Partial<PpoConfig> | undefined) };
  return {
    seed: spec.seed ?? 0,
    steps,
    nEnvs: transfer.nEnvs ?? 8,
    nSteps: ppo.nSteps ?? 256,
    episodeLength: transfer.episodeLength ?? 256,
    reward: transfer.reward ?? 'sharpe-drawdown',
    ...(transfer.rewardOptions !== undefined && { rewardOptions: transfer.rewardOptions as Record<string, unknown> }),
    costs: { ...spec.costs, ...transfer.trainCosts, ...(spec.costs?.borrowBpsPerYear !== undefined && { periodsPerYear: spec.periodsPerYear ?? 252 }) },
    sizing: spec.sizing ?? 'fractional',
    initialCash: spec.initialCash ?? 100_000,
    ...(spec.actionLevels !== undefined && { actionLevels: [...spec.actionLevels] }),
    ppo,
  };
}

/** Which target bars fine-tuning may use: those before the backtested split or date range. */
function targetTrainLimit(spec: BacktestSpec): Pick<TrainingSettings, 'trainFraction' | 'trainEnd'> {
  if (spec.split !== undefined) {
    if (spec.split.part === 'train') {
      throw new TradegymError('E_BAD_CONFIG', `spec ${spec.name}: a transfer experiment cannot backtest the "train" split it fine-tunes on; use "part": "test" (or "validation").`);
    }
    return { trainFraction: spec.split.train };
  }
  if (spec.range?.from !== undefined) return { trainFraction: 1, trainEnd: spec.range.from };
  throw new TradegymError('E_BAD_CONFIG', `spec ${spec.name}: a transfer experiment needs "split" or "range.from", so fine-tuning uses only bars before the backtested ones.`);
}

/** A spec data source as a market source (CSV paths made absolute against the spec's folder). */
export function sourceOf(data: DataSpec, baseDir: string): MarketSource {
  if ('csv' in data) {
    return { kind: 'csv', path: resolveSpecPath(baseDir, data.csv), label: data.csv, ...(data.adjClose !== undefined && { adjClose: data.adjClose }), ...(data.symbol !== undefined && { symbol: data.symbol }) };
  }
  const { seed, ...options } = data.synthetic;
  return { kind: 'synthetic', seed, options: options as SyntheticMarketOptions, label: data.synthetic.symbol ?? `synthetic seed ${seed}` };
}
