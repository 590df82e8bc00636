import { createHash } from 'node:crypto';
import { TradegymError } from '../core/errors.js';
import type { CheckpointManifest, CheckpointMetadata } from '../nn/checkpoint-manifest.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import type { PpoUpdateStats } from '../ppo/ppo-trainer.js';
import type { Market } from './load-market.js';
import type { TrainingRange } from './training-env.js';

/** Where a run stands, recorded in the checkpoint so `--resume` continues from it. */
export interface TrainingProgress {
  status: 'completed' | 'stopped';
  updatesDone: number;
  /** Env steps trained so far, summed over envs. */
  totalSteps: number;
  /** Step budget of the run. */
  targetSteps: number;
  /** Wall time of all sessions so far, seconds. */
  seconds: number;
}

/** The `trainingConfig` of a tradegym training checkpoint. */
export interface TrainingRecord<Request> {
  command: 'pretrain' | 'finetune';
  /** The request that started the run (JSON data: markets, settings, network …). */
  request: Request;
  /** The resolved PPO configuration. */
  ppo: PpoConfig;
  markets: { label: string; fingerprint: string; bars: number; trainRange: TrainingRange }[];
  progress: TrainingProgress;
  /** What knowledge injection did (EWC Fisher, teacher, behaviour cloning, curriculum stages, last monitor fields). */
  knowledge?: Record<string, unknown>;
}

/**
 * Checkpoint metadata of a training run: feature names and action levels of the env, the
 * {@link TrainingRecord}, the data fingerprint (of the one market, or a SHA-256 over the pool's
 * fingerprints), the seed and the last update's scalars as final metrics, plus the monitor's
 * fields (drift, agreement, entropy …) as `monitor/<field>`.
 */
export function trainingMetadata<Request>(
  record: TrainingRecord<Request>,
  featureNames: readonly string[],
  actionLevels: readonly number[],
  seed: number,
  last: PpoUpdateStats | null,
  monitor: Record<string, number> = {},
): CheckpointMetadata {
  const fingerprints = record.markets.map((m) => m.fingerprint);
  return {
    featureNames,
    actionLevels,
    trainingConfig: record as unknown as Record<string, unknown>,
    dataFingerprint: fingerprints.length === 1 ? fingerprints[0]! : createHash('sha256').update(fingerprints.join('\n')).digest('hex'),
    seed,
    finalMetrics: {
      ...(last !== null && { ...last.scalars, total_steps: last.totalSteps, updates: last.update }),
      ...Object.fromEntries(Object.entries(monitor).map(([name, value]) => [`monitor/${name}`, value])),
    },
  };
}

/** The markets part of a record. */
export function marketRecords(markets: readonly Market[], ranges: readonly TrainingRange[]): TrainingRecord<unknown>['markets'] {
  return markets.map((m, i) => ({ label: m.label, fingerprint: m.fingerprint, bars: m.series.timestamps.length, trainRange: ranges[i]! }));
}

/**
 * The training record of a checkpoint written by `command`, for `--resume`.
 * @throws TradegymError E_CHECKPOINT when the checkpoint was not written by that command.
 */
export function readTrainingRecord<Request>(manifest: CheckpointManifest, command: TrainingRecord<Request>['command'], dir: string): TrainingRecord<Request> {
  const record = manifest.trainingConfig as Partial<TrainingRecord<Request>> | undefined;
  if (record?.command !== command || record.request === undefined || record.progress === undefined) {
    throw new TradegymError('E_CHECKPOINT',
      `${dir} was not written by "tradegym ${command}" (its manifest has no ${command} training record), so it cannot be resumed with ${command} --resume.`,
      { file: dir });
  }
  return record as TrainingRecord<Request>;
}
