import path from 'node:path';
import type { LabeledResult } from '../backtest/labeled-result.js';
import { runFolderName } from '../backtest/write-run-folder.js';
import type { BackendPreference } from '../nn/backend.js';
import { backtestWithTraining } from './backtest-with-training.js';
import { demoSpec, type DemoScale } from './demo-spec.js';
import type { TransferRun, TransferRunOptions } from './transfer-experiment.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Seeds every market, the networks and PPO (default 7). */
  seed?: number;
  /** `full` (default, `npm start`) or `quick` (seconds; for tests). */
  scale?: DemoScale;
  /** Parent of the demo's run folder (default `backtests/runs`, git-ignored). */
  runsDir?: string;
  backend?: BackendPreference;
  /** Progress bars and stop signal per training phase. */
  phaseOptions?: TransferRunOptions['phaseOptions'];
  log?: (line: string) => void;
  now?: Date;
}

/** What the demo produced. */
export interface DemoResult {
  /** `<runsDir>/demo-<timestamp>/`: `checkpoints/` and the backtest run folder. */
  demoDir: string;
  /** The HTML report, or undefined when training was stopped (Ctrl-C). */
  reportPath: string | undefined;
  /** The aligned comparison table (empty when stopped). */
  table: string;
  results: readonly LabeledResult[];
  transfer: TransferRun | undefined;
  /** Wall time of the whole demo, seconds. */
  seconds: number;
}

/**
 * The one-command demo (`npm start`): runs {@link demoSpec} end to end — pretrain on synthetic
 * source markets, LoRA fine-tune / full fine-tune / from-scratch PPO on the target's training
 * range, then a backtest of those and buy & hold / SMA crossover on its held-out range — and
 * writes everything under `<runsDir>/demo-<timestamp>/`: `checkpoints/{base,lora,full-finetune,scratch}`
 * and the backtest run folder (metrics.json, equity.csv, trades.csv, manifest.json, report.html).
 * Same seed ⇒ same markets, training and table (wall times aside).
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const demoDir = path.join(options.runsDir ?? path.join('backtests', 'runs'), runFolderName('demo', now));
  const spec = demoSpec(options.seed ?? 7, options.scale ?? 'full');
  const { transfer, backtest } = await backtestWithTraining(spec, {
    outDir: demoDir,
    checkpointsDir: path.join(demoDir, 'checkpoints'),
    now,
    ...(options.backend !== undefined && { backend: options.backend }),
    ...(options.phaseOptions !== undefined && { phaseOptions: options.phaseOptions }),
    ...(options.log !== undefined && { log: options.log }),
  });
  return {
    demoDir,
    reportPath: backtest?.runDir === undefined ? undefined : path.join(backtest.runDir, 'report.html'),
    table: backtest?.table ?? '',
    results: backtest?.results ?? [],
    transfer,
    seconds: (performance.now() - started) / 1000,
  };
}
