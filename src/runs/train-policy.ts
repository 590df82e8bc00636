import type { TelemetryListener } from '../core/telemetry.js';
import type { Policy } from '../nn/policy.js';
import type { AuxiliaryLoss } from '../ppo/auxiliary-loss.js';
import type { ReferenceLogProbs } from '../ppo/collect-rollout.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import { PpoTrainer, type PpoResumePoint, type PpoTrainResult, type PpoUpdateStats, type UpdateObservation } from '../ppo/ppo-trainer.js';
import type { TrainerState } from '../ppo/trainer-state.js';
import type { VectorEnv } from '../rl/vector-env.js';

/** Callbacks and controls of a training run, supplied by the caller (CLI, server, demo). */
export interface TrainingHooks {
  /** Called after every PPO update (progress bars). */
  onUpdate?: (stats: PpoUpdateStats) => void;
  /** Receives `run.started`, `train.update` and, on failure, `run.finished` (dashboards). */
  onEvent?: TelemetryListener;
  /** Aborting it stops training after the update in progress (Ctrl-C); the run then saves a checkpoint. */
  stopSignal?: AbortSignal;
  /** One-line notes (stderr in the CLI). */
  log?: (line: string) => void;
}

/** Inputs of {@link trainPolicy}. */
export interface TrainPolicyArgs {
  policy: Policy;
  env: VectorEnv<object>;
  ppo: Partial<PpoConfig>;
  referenceLogProbs?: ReferenceLogProbs;
  resume?: PpoResumePoint;
  runId: string;
  title: string;
  /** JSON-safe configuration summary for `run.started`. */
  config: Record<string, unknown>;
  hooks: TrainingHooks;
  /** Extra PPO loss terms (EWC, distillation). */
  auxiliaryLosses?: readonly AuxiliaryLoss[];
  /** Monitor fields measured after every update (drift, agreement, entropy …), sent as `train.update` `extra`. */
  measure?: () => Record<string, number>;
  /** Called after every update, before the hooks, and after every update replayed on resume (curriculum switches). */
  observe?: (observation: UpdateObservation) => void;
}

/** How training went, with its wall time. */
export interface TrainPolicyResult extends PpoTrainResult {
  /** Wall time of `train()`, seconds. */
  seconds: number;
  /** The resolved PPO configuration. */
  ppo: PpoConfig;
  /** The monitor fields after the last update (empty without a monitor). */
  monitor: Record<string, number>;
  /** Adam's state and the action log at the end, for the checkpoint (so `--resume` continues exactly). */
  trainerState: TrainerState;
}

/**
 * Runs PPO on `env` until the step budget is spent or `hooks.stopSignal` aborts, emitting
 * `run.started` and every `train.update` (and `run.finished` with status `failed` if training
 * throws). A successful run's `run.finished` is the caller's to emit, once its checkpoint is
 * written, so a dashboard that sees it can already list the checkpoint. The trainer's optimiser state is freed at the end; the policy and env
 * stay with the caller.
 */
export async function trainPolicy(args: TrainPolicyArgs): Promise<TrainPolicyResult> {
  const { hooks, runId } = args;
  const emit = hooks.onEvent ?? (() => {});
  let monitor: Record<string, number> = {};
  const trainer = new PpoTrainer({
    policy: args.policy,
    env: args.env,
    config: args.ppo,
    ...(args.referenceLogProbs !== undefined && { referenceLogProbs: args.referenceLogProbs }),
    ...(args.resume !== undefined && { resume: args.resume }),
    ...(args.auxiliaryLosses !== undefined && { auxiliaryLosses: args.auxiliaryLosses }),
    ...(args.observe !== undefined && { onReplayedUpdate: args.observe }),
    onUpdate: (stats) => {
      args.observe?.(stats);
      monitor = args.measure?.() ?? {};
      hooks.onUpdate?.(stats);
      emit(trainUpdateEvent(runId, stats, monitor));
    },
  });
  const stop = () => trainer.requestStop();
  if (hooks.stopSignal?.aborted) stop();
  hooks.stopSignal?.addEventListener('abort', stop, { once: true });
  emit({ type: 'run.started', runId, kind: 'training', title: args.title, config: args.config });
  const started = performance.now();
  try {
    const result = await trainer.train();
    const seconds = (performance.now() - started) / 1000;
    return { ...result, seconds, ppo: trainer.config, monitor, trainerState: trainer.exportState() };
  } catch (error) {
    emit({ type: 'run.finished', runId, status: 'failed', summary: {}, error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    hooks.stopSignal?.removeEventListener('abort', stop);
    trainer.dispose();
  }
}

/** The `train.update` event of an update: PPO figures, auxiliary losses and their weights, and the monitor's fields in `extra`. */
function trainUpdateEvent(runId: string, stats: PpoUpdateStats, monitor: Record<string, number>) {
  const auxiliary = Object.entries(stats.auxiliary).flatMap(([name, value]) => [[`loss/${name}`, value], [`weight/${name}`, stats.auxiliaryWeights[name] ?? 0]]);
  return {
    type: 'train.update' as const,
    runId,
    update: stats.update,
    totalSteps: stats.totalSteps,
    policyLoss: stats.policyLoss,
    valueLoss: stats.valueLoss,
    entropy: stats.entropy,
    approxKl: stats.approxKl,
    clipFraction: stats.clipFraction,
    explainedVariance: stats.explainedVariance,
    meanEpisodeReturn: stats.meanEpisodeReturn,
    stepsPerSec: stats.stepsPerSec,
    adapterDeltaNorm: monitor['adapterDeltaNorm'] ?? null,
    extra: { referenceKl: stats.referenceKl, learningRate: stats.learningRate, episodes: stats.episodes, ...Object.fromEntries(auxiliary), ...monitor },
  };
}
