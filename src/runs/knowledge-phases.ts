import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BacktestSpec } from '../backtest/backtest-spec.js';
import type { TeacherSpecEntry } from '../backtest/knowledge-spec.js';
import type { TrainedModel, TransferSpec } from '../backtest/transfer-spec.js';
import { TradegymError } from '../core/errors.js';
import { quantizePolicy } from '../nn/quantize-policy.js';
import type { TrainedCheckpoint } from './build-spec-strategies.js';
import { runFinetune, type FinetuneRequest } from './finetune.js';
import type { KnowledgeSettings } from './knowledge-settings.js';
import type { MarketSource } from './market-source.js';
import { runPretrain } from './pretrain.js';
import type { TeacherSpec } from './teacher-dataset.js';
import type { TrainingOutcome, TrainingRunOptions } from './training-session.js';
import type { TrainingSettings } from './training-settings.js';

/** What the knowledge phases need from the transfer experiment that runs them. */
export interface KnowledgePhaseContext {
  spec: BacktestSpec;
  transfer: TransferSpec;
  target: MarketSource;
  /** Training settings of a phase: steps, PPO overrides, on the target's training part or not. */
  settings: (steps: number, ppo: object | undefined, trainOnTarget: boolean) => TrainingSettings;
  /** Checkpoint directory of a model. */
  dir: (name: TrainedModel) => string;
  network: { actorHidden: number[]; criticHidden: number[] };
  /** The LoRA phase's request (base, market, rank, alpha, heads, KL). */
  loraRequest: Omit<FinetuneRequest, keyof TrainingSettings>;
  /** Models trained so far. */
  trained: Partial<Record<TrainedModel, TrainedCheckpoint>>;
  /** Records a finished phase; false when it was stopped (the experiment then ends). */
  record: (name: TrainedModel, outcome: TrainingOutcome, base?: string) => boolean;
  phase: (name: TrainedModel, steps: number) => TrainingRunOptions;
  log?: (line: string) => void;
}

/**
 * The knowledge-injection phases of the transfer experiment, after base, LoRA, full fine-tune
 * and scratch: LoRA + EWC (`loraEwc`), LoRA with domain randomisation / a curriculum (`robust`),
 * LoRA on the quantized base (`qlora`), a student distilled from a teacher (`distilled`), and a
 * quantized export (`quantized`). Each is optional; they run in that order. Returns false when a
 * phase was stopped.
 */
export async function runKnowledgePhases(ctx: KnowledgePhaseContext): Promise<boolean> {
  const t = ctx.transfer;
  const lora = (knowledge: KnowledgeSettings, out: TrainedModel, steps: number, ppo: object | undefined, base = ctx.loraRequest.base) =>
    runFinetune({ ...ctx.settings(steps, ppo, true), ...ctx.loraRequest, base, out: ctx.dir(out), knowledge: { ...(t.lora.layers !== undefined && { layers: t.lora.layers }), ...knowledge } }, ctx.phase(out, steps));
  if (t.loraEwc !== undefined && !ctx.record('lora-ewc', await lora({ ewc: t.loraEwc.ewc }, 'lora-ewc', t.loraEwc.steps, t.loraEwc.ppo), ctx.loraRequest.base)) return false;
  if (t.robust !== undefined) {
    const knowledge: KnowledgeSettings = { ...(t.robust.conditions !== undefined && { conditions: t.robust.conditions }), ...(t.robust.curriculum !== undefined && { curriculum: t.robust.curriculum }) };
    if (!ctx.record('robust', await lora(knowledge, 'robust', t.robust.steps, t.robust.ppo), ctx.loraRequest.base)) return false;
  }
  if (t.qlora !== undefined) {
    const dtype = t.qlora.dtype ?? 'uint8';
    const quantizedBase = `${ctx.dir('base')}-${dtype}`;
    const report = await quantizePolicy({ checkpoint: ctx.loraRequest.base, out: quantizedBase, dtype });
    ctx.log?.(`QLoRA: base stored as ${dtype} (${report.quantizedWeightBytes} bytes, ${report.compression.toFixed(1)}× smaller; max |Δw| ${report.maxAbsError.toExponential(1)})`);
    if (!ctx.record('qlora', await lora({}, 'qlora', t.qlora.steps, t.qlora.ppo, quantizedBase), quantizedBase)) return false;
  }
  if (t.distilled !== undefined) {
    const d = t.distilled;
    const network = { actorHidden: [...(d.network?.actorHidden ?? ctx.network.actorHidden)], criticHidden: [...(d.network?.criticHidden ?? ctx.network.criticHidden)] };
    const distill = { ...d.distill, teacher: resolveTeacher(d.distill.teacher, ctx.trained) };
    const outcome = await runPretrain({ ...ctx.settings(d.steps, d.ppo, true), markets: [ctx.target], out: ctx.dir('distilled'), ...network, knowledge: { distill } }, ctx.phase('distilled', d.steps));
    if (!ctx.record('distilled', outcome)) return false;
  }
  if (t.quantized !== undefined) await exportQuantized(ctx, t.quantized.from ?? 'lora', t.quantized.dtype ?? 'uint8');
  return true;
}

/** A teacher named by a spec: `{ trained: "lora" }` becomes that model's checkpoint (and base). */
export function resolveTeacher(teacher: TeacherSpecEntry, trained: Partial<Record<TrainedModel, TrainedCheckpoint>>): TeacherSpec {
  if (!('trained' in teacher)) return teacher as TeacherSpec;
  const model = trained[teacher.trained as TrainedModel];
  if (model === undefined) {
    throw new TradegymError('E_BAD_CONFIG', `distillation teacher { "trained": "${teacher.trained}" } is not a model trained before the distilled phase; use base, lora, full-finetune, scratch, lora-ewc, robust or qlora.`);
  }
  return { checkpoint: model.dir, ...(model.base !== undefined && { base: model.base }) };
}

async function exportQuantized(ctx: KnowledgePhaseContext, from: TrainedModel, dtype: 'uint8' | 'uint16' | 'float16'): Promise<void> {
  const source = ctx.trained[from];
  if (source === undefined) throw new TradegymError('E_BAD_CONFIG', `transfer.quantized.from: "${from}" was not trained in this experiment.`);
  const started = performance.now();
  const report = await quantizePolicy({ checkpoint: source.dir, ...(source.base !== undefined && { base: source.base }), out: ctx.dir('quantized'), dtype });
  ctx.log?.(`quantized ${from} to ${dtype}: weights ${report.quantizedWeightBytes} bytes (${report.compression.toFixed(1)}× smaller), max |Δw| ${report.maxAbsError.toExponential(1)}`);
  ctx.trained['quantized'] = {
    dir: report.out,
    trainSeconds: (source.trainSeconds ?? 0) + (performance.now() - started) / 1000,
    weightBytes: report.quantizedWeightBytes,
  };
}

/** Size of a checkpoint's weights file, bytes. */
export async function weightBytesOf(dir: string): Promise<number> {
  return (await stat(path.join(dir, 'weights.bin'))).size;
}
