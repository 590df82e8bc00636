import { dirname, join, resolve } from 'node:path';
import { backtestRunFiles } from '../backtest/backtest-run-files.js';
import type { BacktestSpec } from '../backtest/backtest-spec.js';
import { formatComparisonTable } from '../backtest/comparison-table.js';
import type { LabeledResult } from '../backtest/labeled-result.js';
import { loadBacktestSpec } from '../backtest/load-backtest-spec.js';
import { runBacktest } from '../backtest/run-backtest.js';
import type { TrainedModel } from '../backtest/transfer-spec.js';
import { runFolderName, writeRunFolder } from '../backtest/write-run-folder.js';
import type { TelemetryListener } from '../core/telemetry.js';
import { DEFAULT_ACTION_LEVELS } from '../market/action-levels.js';
import { type BackendPreference, selectBackend } from '../nn/backend.js';
import { loadSpecBars } from './backtest-spec-data.js';
import { backtestRunRecord } from './backtest-run-record.js';
import { resolveBacktestWindow } from './backtest-window.js';
import { buildSpecStrategies, type SpecStrategy, type TrainedCheckpoint } from './build-spec-strategies.js';

/** Options of {@link runBacktestSpec}. */
export interface BacktestSpecRunOptions {
  /** The spec file's path: relative data and checkpoint paths resolve against its folder; named in errors. */
  readonly specPath?: string;
  /** Parent folder of run folders; default `<spec folder>/runs` (→ `backtests/runs/`). */
  readonly outDir?: string;
  /** tfjs backend for policy strategies (default auto); unused by rule-only specs. */
  readonly backend?: BackendPreference;
  /** Checkpoints of the transfer experiment for `{ "trained": … }` strategies. */
  readonly trained?: Partial<Readonly<Record<TrainedModel, TrainedCheckpoint>>>;
  readonly featureCacheDir?: string;
  /** Receives each strategy's `bar` / `trade` / `metrics` events (run id `<spec name>:<label>`). */
  readonly onEvent?: TelemetryListener;
  /** Time stamped on the run folder and manifest; default now. */
  readonly now?: Date;
  /** Write the run folder (default true). */
  readonly write?: boolean;
  /** Progress lines (backend choice …); default stderr. */
  readonly log?: (line: string) => void;
}

/** What a spec run produced. */
export interface BacktestSpecRun {
  readonly results: readonly LabeledResult[];
  /** The aligned comparison table for the terminal. */
  readonly table: string;
  /** The run folder, when written. */
  readonly runDir: string | undefined;
  readonly manifest: Readonly<Record<string, unknown>>;
}

/**
 * Runs a validated backtest spec: loads the data, resolves split or range, builds every
 * strategy, backtests each on the same bars with the same costs, sizing, cash and seed
 * (identical fills to the env), and writes `<outDir>/<name>-<timestamp>/` with metrics.json,
 * equity.csv, trades.csv, manifest.json and report.html.
 */
export async function runBacktestSpec(spec: BacktestSpec, options: BacktestSpecRunOptions = {}): Promise<BacktestSpecRun> {
  const specPath = options.specPath ?? 'backtest spec';
  const baseDir = options.specPath === undefined ? process.cwd() : dirname(resolve(options.specPath));
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const needsPolicy = spec.strategies.some((s) => !('name' in s));
  const backend = needsPolicy ? await selectBackend(options.backend ?? 'auto', log) : 'none (rule strategies only)';
  const full = await loadSpecBars(spec.data, baseDir);
  const strategies = await buildSpecStrategies(spec, { baseDir, specPath, ...(options.trained && { trained: options.trained }) });
  try {
    const window = await resolveBacktestWindow(spec, full, { needsFeatures: strategies.some((s) => s.strategy.needsFeatures), featureCacheDir: options.featureCacheDir });
    const actionLevels = spec.actionLevels ?? strategies.find((s) => s.actionLevels)?.actionLevels ?? DEFAULT_ACTION_LEVELS;
    const results = strategies.map((s) => runOne(spec, s, window, actionLevels, options.onEvent));
    const now = options.now ?? new Date();
    const record = backtestRunRecord({ spec, specPath, full, window, strategies, results, actionLevels, backend, now });
    let runDir: string | undefined;
    if (options.write !== false) {
      const outDir = options.outDir ?? join(baseDir, 'runs');
      const files = backtestRunFiles({ title: spec.name, description: spec.description, results, manifest: record.manifest, details: record.details });
      runDir = await writeRunFolder(outDir, runFolderName(spec.name, now), files);
    }
    return { results, table: formatComparisonTable(results), runDir, manifest: record.manifest };
  } finally {
    for (const s of strategies) s.strategy.dispose?.();
  }
}

/** Loads, validates and runs the spec file at `path` (see {@link runBacktestSpec}). */
export async function runBacktestSpecFile(path: string, options: Omit<BacktestSpecRunOptions, 'specPath'> = {}): Promise<BacktestSpecRun> {
  return runBacktestSpec(await loadBacktestSpec(path), { ...options, specPath: path });
}

function runOne(
  spec: BacktestSpec,
  built: SpecStrategy,
  window: Awaited<ReturnType<typeof resolveBacktestWindow>>,
  actionLevels: readonly number[],
  onEvent: TelemetryListener | undefined,
): LabeledResult {
  const result = runBacktest({
    bars: window.series,
    features: window.features,
    strategy: built.strategy,
    actionLevels,
    costs: spec.costs,
    sizing: spec.sizing,
    initialCash: spec.initialCash,
    range: window.range,
    seed: spec.seed ?? 0,
    periodsPerYear: spec.periodsPerYear,
    ...(onEvent && { onEvent, runId: `${spec.name}:${built.label}` }),
  });
  return {
    label: built.label,
    result,
    trainableParams: built.trainableParams,
    trainSeconds: built.trainSeconds,
    ...(built.weightBytes !== undefined && { weightBytes: built.weightBytes }),
    ...(built.forgetting !== undefined && { forgetting: built.forgetting }),
  };
}
