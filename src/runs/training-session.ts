import path from 'node:path';
import { DEFAULT_ACTION_LEVELS } from '../market/action-levels.js';
import type { RandomizedTradingEnv } from '../../envs/randomized-trading-env.js';
import type { ActorCritic } from '../nn/actor-critic.js';
import type { BackendPreference } from '../nn/backend.js';
import type { CheckpointKind, CheckpointManifest } from '../nn/checkpoint-manifest.js';
import { layerRoleRows } from '../nn/layer-plan.js';
import { saveCheckpoint } from '../nn/model-store.js';
import { decodeTrainerState, encodeTrainerState, hasCompleteActionLog } from '../ppo/trainer-state.js';
import type { ReferenceLogProbs } from '../ppo/collect-rollout.js';
import type { PpoResumePoint, PpoUpdateStats } from '../ppo/ppo-trainer.js';
import type { Market } from './load-market.js';
import { prepareKnowledge, type PreparedKnowledge } from './prepare-knowledge.js';
import { trainPolicy, type TrainingHooks, type TrainPolicyArgs, type TrainPolicyResult } from './train-policy.js';
import { createTrainingEnv, trainingRange, type TrainingRange } from './training-env.js';
import { marketRecords, trainingMetadata, type TrainingProgress, type TrainingRecord } from './training-record.js';
import { ppoConfigOf, type TrainingSettings } from './training-settings.js';

/** Options every training use case takes besides its request. */
export interface TrainingRunOptions {
  /** tfjs backend (default auto: the fastest available). */
  backend?: BackendPreference;
  hooks?: TrainingHooks;
  /** Feature cache folder (default `.tradegym-cache/features`). */
  featureCacheDir?: string;
  /** Telemetry run id (default `<command>-<checkpoint folder name>`). */
  runId?: string;
}

/** What a training use case returns. */
export interface TrainingOutcome {
  /** Where the checkpoint was written (also when training was stopped early). */
  checkpointDir: string;
  manifest: CheckpointManifest;
  progress: TrainingProgress;
  /** Stats of the last update of this session, or null when none ran. */
  last: PpoUpdateStats | null;
  /** Wall time of this session's training, seconds. */
  seconds: number;
  /** Parameters of the policy: all, and trained by this run. */
  parameters: { total: number; trainable: number };
}

/** What a resumed run continues from. */
export interface ResumedProgress {
  progress: TrainingProgress;
  /** The checkpoint's trainer state (Adam, action log) and its file (`readTrainerState`); null: Adam restarts and the envs are re-seeded (older checkpoints). */
  trainerState: { data: Uint8Array; file: string } | null;
}

/** Inputs of {@link runTrainingSession}. */
export interface TrainingSessionArgs<Request extends TrainingSettings> {
  command: TrainingRecord<Request>['command'];
  request: Request;
  out: string;
  markets: readonly Market[];
  policy: ActorCritic;
  kind: CheckpointKind;
  referenceLogProbs?: ReferenceLogProbs;
  /** The checkpoint being resumed: its progress and trainer state. */
  previous?: ResumedProgress;
  title: string;
  options: TrainingRunOptions;
  /** The base checkpoint of a fine-tune (EWC anchors to it). */
  base?: { dir: string; manifest: CheckpointManifest };
}

/**
 * One training session of a use case: builds the env over the markets' training ranges, runs
 * PPO (continuing `previous` when resuming) until the budget is spent or the stop signal fires,
 * then writes the checkpoint (atomically, via the model store) with the training record that
 * `--resume` reads, and only then emits `run.finished` (with the checkpoint's path). `request.knowledge` adds EWC / distillation terms, per-episode conditions and a
 * curriculum, and a monitor whose fields go to every `train.update` and to the manifest
 * (`prepareKnowledge`). The policy stays with the caller.
 */
export async function runTrainingSession<Request extends TrainingSettings>(args: TrainingSessionArgs<Request>): Promise<TrainingOutcome> {
  const { request, markets, policy, options } = args;
  const hooks = options.hooks ?? {};
  const conditionTargets: RandomizedTradingEnv[] = [];
  const env = await createTrainingEnv(markets, request, conditionTargets);
  const ranges = markets.map((m) => trainingRange(m, request));
  const previous = args.previous?.progress;
  let resume: PpoResumePoint | undefined;
  try {
    resume = args.previous === undefined ? undefined : resumePoint(args.previous, policy, env.numEnvs);
  } catch (error) {
    env.close();
    throw error;
  }
  const replayFromStart = resume !== undefined && hasCompleteActionLog(resume.trainerState, resume.totalSteps);
  if (resume !== undefined) hooks.log?.(resumeNote(resume, replayFromStart));
  const levels = request.actionLevels ?? [...DEFAULT_ACTION_LEVELS];
  const knowledge = await sessionKnowledge(args, ranges, levels, conditionTargets, replayFromStart);
  const runId = options.runId ?? `${args.command}-${path.basename(path.resolve(args.out))}`;
  const trained = await trainWithKnowledge(knowledge, {
    policy,
    env,
    ppo: ppoConfigOf(request),
    ...(args.referenceLogProbs !== undefined && { referenceLogProbs: args.referenceLogProbs }),
    ...(resume !== undefined && { resume }),
    runId,
    title: args.title,
    config: { command: args.command, markets: markets.map((m) => m.label), steps: request.steps, seed: request.seed },
    hooks,
  });
  env.close();
  const progress: TrainingProgress = {
    status: trained.status,
    updatesDone: trained.updatesDone,
    totalSteps: trained.totalSteps,
    targetSteps: trained.ppo.totalSteps,
    seconds: (previous?.seconds ?? 0) + trained.seconds,
  };
  const record: TrainingRecord<Request> = {
    command: args.command, request, ppo: trained.ppo, markets: marketRecords(markets, ranges), progress,
    knowledge: { ...knowledge.summary(), monitor: trained.monitor, layers: layerRoleRows(policy.parameterCounts().layers) },
  };
  const metadata = trainingMetadata(record, markets[0]!.features.names, levels, request.seed, trained.last, trained.monitor);
  const emit = hooks.onEvent ?? (() => {});
  let manifest: Awaited<ReturnType<typeof saveCheckpoint>>;
  try {
    manifest = await saveCheckpoint(args.out, policy, args.kind, metadata, { trainerState: encodeTrainerState(trained.trainerState) });
  } catch (error) {
    emit({ type: 'run.finished', runId, status: 'failed', summary: {}, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  emit({
    type: 'run.finished', runId, status: trained.status,
    summary: { updates: trained.updatesDone, totalSteps: trained.totalSteps, seconds: trained.seconds, checkpoint: args.out },
  });
  const { total, trainable } = policy.parameterCounts();
  return { checkpointDir: args.out, manifest, progress, last: trained.last, seconds: trained.seconds, parameters: { total, trainable } };
}

/** One line on how a resumed run continues. */
function resumeNote(resume: PpoResumePoint, replayFromStart: boolean): string {
  if (replayFromStart) {
    return `resuming at step ${resume.totalSteps}: Adam continues at its step ${resume.trainerState!.optimizer.step}; the envs replay ${resume.totalSteps} logged actions (exact resume)`;
  }
  const adam = resume.trainerState === undefined ? 'Adam restarts from zero' : `Adam continues at its step ${resume.trainerState.optimizer.step}`;
  return `resuming at step ${resume.totalSteps}: ${adam}; the checkpoint has no action log, so the envs are re-seeded (not bit-identical to an uninterrupted run)`;
}

/** Where PPO continues: the recorded progress and, when the checkpoint kept it, Adam's state and the action log. */
function resumePoint(previous: ResumedProgress, policy: ActorCritic, numEnvs: number): PpoResumePoint {
  const { progress, trainerState } = previous;
  const point: PpoResumePoint = { updatesDone: progress.updatesDone, totalSteps: progress.totalSteps };
  if (trainerState === null) return point;
  const parameterCount = policy.trainableVariables().reduce((n, v) => n + v.size, 0);
  const expected = { parameterCount, numEnvs, totalSteps: progress.totalSteps };
  return { ...point, trainerState: decodeTrainerState(trainerState.data, expected, trainerState.file) };
}

/**
 * The session's knowledge injection (`prepareKnowledge`). Without `request.knowledge` only the
 * monitor runs (drift, agreement and entropy against the starting weights), so every run manifest
 * has its `monitor/…` fields.
 */
async function sessionKnowledge<Request extends TrainingSettings>(
  args: TrainingSessionArgs<Request>,
  ranges: readonly TrainingRange[],
  actionLevels: readonly number[],
  conditionTargets: readonly RandomizedTradingEnv[],
  replayFromStart: boolean,
): Promise<PreparedKnowledge> {
  const { request, options } = args;
  return prepareKnowledge({
    policy: args.policy, knowledge: request.knowledge ?? {}, markets: args.markets, ranges, actionLevels, seed: request.seed, conditionTargets,
    ...(args.base !== undefined && { base: args.base }),
    ...(options.featureCacheDir !== undefined && { featureCacheDir: options.featureCacheDir }),
    ...(options.hooks?.log !== undefined && { log: options.hooks.log }),
    ...(args.previous !== undefined && { startStep: args.previous.progress.totalSteps, replayFromStart }),
  });
}

/** Runs `trainPolicy` with the prepared knowledge injection (auxiliary losses, monitor, curriculum), freeing its tensors afterwards. */
async function trainWithKnowledge(knowledge: PreparedKnowledge, args: TrainPolicyArgs): Promise<TrainPolicyResult> {
  try {
    return await trainPolicy({
      ...args,
      auxiliaryLosses: knowledge.auxiliaryLosses,
      observe: knowledge.observe,
      ...(knowledge.measure !== undefined && { measure: knowledge.measure }),
    });
  } finally {
    knowledge.dispose();
  }
}
