import path from 'node:path';
import type { BacktestSpec } from '../backtest/backtest-spec.js';
import { runFolderName } from '../backtest/write-run-folder.js';
import type { BackendPreference } from '../nn/backend.js';
import { runBacktestSpec, type BacktestSpecRun } from './backtest-run.js';
import { runTransferExperiment, type TransferRun, type TransferRunOptions } from './transfer-experiment.js';

/** Options of {@link backtestWithTraining}. */
export interface BacktestWithTrainingOptions {
  /** The spec file (relative paths resolve against its folder), if the spec came from a file. */
  specPath?: string;
  /** Parent folder of the run folder (default `<spec folder>/runs`, i.e. backtests/runs/). */
  outDir?: string;
  /** Where the transfer experiment writes its checkpoints (default `checkpoints/<name>-<timestamp>`). */
  checkpointsDir?: string;
  backend?: BackendPreference;
  phaseOptions?: TransferRunOptions['phaseOptions'];
  log?: (line: string) => void;
  now?: Date;
}

/** The backtest run, plus the transfer experiment when the spec has one (undefined backtest when training was stopped). */
export interface BacktestWithTraining {
  transfer: TransferRun | undefined;
  backtest: BacktestSpecRun | undefined;
}

/**
 * Runs a spec end to end: its `transfer` experiment first when it has one (pretrain → LoRA →
 * full fine-tune → scratch; checkpoints kept), then the backtest of every strategy with the
 * trained checkpoints (`runBacktestSpec`). A training phase stopped by Ctrl-C skips the backtest.
 */
export async function backtestWithTraining(spec: BacktestSpec, options: BacktestWithTrainingOptions = {}): Promise<BacktestWithTraining> {
  const baseDir = options.specPath === undefined ? process.cwd() : path.dirname(path.resolve(options.specPath));
  const now = options.now ?? new Date();
  let transfer: TransferRun | undefined;
  if (spec.transfer !== undefined) {
    transfer = await runTransferExperiment(spec, {
      baseDir,
      checkpointsDir: options.checkpointsDir ?? path.join('checkpoints', runFolderName(spec.name, now)),
      ...(options.phaseOptions !== undefined && { phaseOptions: options.phaseOptions }),
      ...(options.log !== undefined && { log: options.log }),
    });
    if (transfer.stopped) return { transfer, backtest: undefined };
  }
  const backtest = await runBacktestSpec(spec, {
    ...(options.specPath !== undefined && { specPath: options.specPath }),
    ...(options.outDir !== undefined && { outDir: options.outDir }),
    ...(options.backend !== undefined && { backend: options.backend }),
    ...(transfer !== undefined && { trained: transfer.trained }),
    ...(options.log !== undefined && { log: options.log }),
    now,
  });
  return { transfer, backtest };
}
