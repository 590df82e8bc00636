import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrainedModel } from '../backtest/transfer-spec.js';
import type { CheckpointManifest } from '../nn/checkpoint-manifest.js';
import { readManifest } from '../nn/model-store.js';
import type { TrainedCheckpoint } from './build-spec-strategies.js';
import type { SourceMarketReport } from './forgetting-report.js';
import type { TrainingOutcome } from './training-session.js';

/** What the report is built from: the transfer experiment's models, outcomes and forgetting report. */
export interface KnowledgeReportInput {
  trained: Partial<Record<TrainedModel, TrainedCheckpoint>>;
  outcomes: Partial<Record<TrainedModel, TrainingOutcome>>;
  forgetting?: Partial<Record<TrainedModel, SourceMarketReport>>;
}

/** One model's row of the knowledge-transfer report. */
export interface KnowledgeReportRow {
  model: TrainedModel;
  checkpoint: string;
  base: string | null;
  trainableParameters: number | null;
  totalParameters: number | null;
  trainSeconds: number | null;
  weightBytes: number | null;
  /** Mean Sharpe on the base's source markets. */
  sourceSharpe: number | null;
  forgetting: number | null;
  /** The monitor's last fields (`monitor/<field>` of the manifest: drift, agreement, entropy, penalties). */
  monitor: Record<string, number>;
  /** What knowledge injection recorded (Fisher, teacher, behaviour cloning, curriculum, per-layer roles). */
  knowledge: Record<string, unknown> | null;
}

/**
 * Writes `<dir>/knowledge-report.json`: per trained model, the parameter counts, wall time,
 * weights size, source-market Sharpe and forgetting, the monitor's final fields and the
 * knowledge-injection record. Written to a temp file then renamed. Returns its path.
 */
export async function writeKnowledgeReport(dir: string, run: KnowledgeReportInput): Promise<string> {
  const rows: KnowledgeReportRow[] = [];
  for (const [model, checkpoint] of Object.entries(run.trained) as [TrainedModel, TrainedCheckpoint][]) {
    rows.push(reportRow(model, checkpoint, run.outcomes[model]?.manifest ?? (await readManifest(checkpoint.dir)), run));
  }
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'knowledge-report.json');
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, `${JSON.stringify({ models: rows, forgetting: run.forgetting ?? null }, null, 2)}\n`);
  await rename(temp, file);
  return file;
}

/** One model's row from its checkpoint manifest (a quantized export has no training outcome of its own). */
function reportRow(model: TrainedModel, checkpoint: TrainedCheckpoint, manifest: CheckpointManifest, run: KnowledgeReportInput): KnowledgeReportRow {
  const metrics = manifest.finalMetrics ?? {};
  const monitor = Object.fromEntries(Object.entries(metrics).filter(([k, v]) => k.startsWith('monitor/') && typeof v === 'number').map(([k, v]) => [k.slice('monitor/'.length), v as number]));
  const training = manifest.trainingConfig as { knowledge?: Record<string, unknown> } | undefined;
  return {
    model,
    checkpoint: checkpoint.dir,
    base: checkpoint.base ?? null,
    trainableParameters: manifest.parameters.trainable,
    totalParameters: manifest.parameters.total,
    trainSeconds: checkpoint.trainSeconds ?? null,
    weightBytes: checkpoint.weightBytes ?? manifest.weights.bytes,
    sourceSharpe: run.forgetting?.[model]?.meanSharpe ?? null,
    forgetting: run.forgetting?.[model]?.forgetting ?? null,
    monitor,
    knowledge: training?.knowledge ?? null,
  };
}
