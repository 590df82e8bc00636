import { createRng, type Rng } from '../core/rng.js';
import type { Policy } from '../nn/policy.js';
import type { VectorEnv } from '../rl/vector-env.js';
import {
  collectRollout,
  createRolloutScratch,
  recordReferenceLogProbs,
  type EpisodeListener,
  type ReferenceLogProbs,
  type RolloutScratch,
} from './collect-rollout.js';
import type { AuxiliaryLoss } from './auxiliary-loss.js';
import { explainedVariance } from './explained-variance.js';
import { createAdam, type AdamPlacement } from './create-adam.js';
import type { GradientOptimizer } from './gradient-optimizer.js';
import { ActionLog } from './action-log.js';
import { hasCompleteActionLog, type TrainerState } from './trainer-state.js';
import { replayActions } from '../rl/replay-actions.js';
import { resolvePpoConfig, type PpoConfig } from './ppo-config.js';
import { runPpoEpochs, type WeightedAuxiliaryLoss } from './ppo-epochs.js';
import type { PpoLossOptions } from './ppo-loss.js';
import { ppoUpdateStats, type PpoUpdateStats } from './ppo-update-stats.js';
import { RolloutBuffer } from './rollout-buffer.js';
import { constantSchedule, linearSchedule, updateProgress, type Schedule } from './schedules.js';

/** Re-exported: the statistics `onUpdate` receives (defined in ppo-update-stats.ts). */
export type { PpoUpdateStats } from './ppo-update-stats.js';

/** Where a resumed run continues from. */
export interface PpoResumePoint {
  updatesDone: number;
  totalSteps: number;
  /**
   * Adam's state and the actions taken so far, from `exportState()` when the run stopped. With
   * it the trainer continues Adam and re-drives fresh envs through the logged actions, so the
   * resumed run is bitwise identical to an uninterrupted one on the same backend. Absent (or
   * with an empty action log): Adam restarts from zero and the envs are re-seeded.
   */
  trainerState?: TrainerState;
}

/** What a curriculum (or other per-update logic) sees after each update, live or replayed. */
export interface UpdateObservation {
  totalSteps: number;
  meanEpisodeReturn: number | null;
}

/** Everything a `PpoTrainer` is built from (composition happens in src/runs). */
export interface PpoTrainerOptions {
  /** The model to train; the optimiser receives exactly `policy.trainableVariables()`. */
  policy: Policy;
  /** N envs, reset by the trainer on its first update. */
  env: VectorEnv<object>;
  config: Partial<PpoConfig>;
  /**
   * Frozen reference the KL(π‖π_ref) penalty (`config.klCoef`) pulls towards when fine-tuning,
   * e.g. `(obs) => actorCritic.baseLogProbs(obs)`; the policy's `evaluate` must then return
   * `allLogProbs`. When given, `referenceKl` is logged even with `klCoef` 0 (drift monitor).
   */
  referenceLogProbs?: ReferenceLogProbs;
  onUpdate?: (stats: PpoUpdateStats) => void;
  onEpisode?: EpisodeListener;
  /** Continue a run: schedules, RNG streams and the step budget pick up after this point. */
  resume?: PpoResumePoint;
  /**
   * Called after each update re-driven from a resumed run's action log (before training
   * continues), as `onUpdate`'s stats would have been, so per-update state such as a curriculum
   * stage is rebuilt at the same points.
   */
  onReplayedUpdate?: (observation: UpdateObservation) => void;
  /**
   * Where Adam runs: `host` (JS loop; fastest on wasm/cpu), `device` (fused tensor ops; for GPU
   * backends) or `auto` (default): host on wasm and cpu, device otherwise.
   */
  optimizer?: AdamPlacement;
  /**
   * Extra loss terms mixed into every minibatch with their scheduled weights (knowledge
   * injection: `ElasticWeightConsolidation`, `PolicyDistillation`); they belong to the caller.
   */
  auxiliaryLosses?: readonly AuxiliaryLoss[];
}

/** How `train` ended. */
export interface PpoTrainResult {
  status: 'completed' | 'stopped';
  updatesDone: number;
  totalSteps: number;
  /** Stats of the last update run, if any. */
  last: PpoUpdateStats | null;
}

/**
 * Proximal Policy Optimization (Schulman et al. 2017, arXiv:1707.06347) with GAE
 * (arXiv:1506.02438), structured like CleanRL's `ppo.py`: each update collects a rollout,
 * computes advantages, runs epochs × minibatches and logs. The RNG streams of update k are
 * forks named after k (`rollout/k`, `values/k`, `minibatches/k`) of the seed's root, so one
 * seed on one backend gives identical runs, and a resumed run draws the same streams.
 *
 * Stopping: `requestStop()` (e.g. from a SIGINT handler) is honoured between updates; `train`
 * then resolves with status `stopped` and the caller writes a checkpoint.
 *
 * Resuming: construct with `resume` (updates and steps done, and `exportState()` of the
 * stopped trainer: Adam's state and the action log) and the policy's restored weights;
 * schedules, RNG streams and Adam continue where they were, and the envs are reset with the
 * run's seed and re-driven through the logged actions, which puts every episode in progress back
 * exactly where it was. A resumed run is then bitwise identical to an uninterrupted one on the
 * same backend (tested).
 */
export class PpoTrainer {
  readonly config: PpoConfig;
  readonly buffer: RolloutBuffer;
  readonly optimizer: GradientOptimizer;
  readonly totalUpdates: number;
  updatesDone: number;
  totalSteps: number;
  private readonly policy: Policy;
  private readonly env: VectorEnv<object>;
  private readonly options: PpoTrainerOptions;
  private readonly root: Rng;
  private readonly scratch: RolloutScratch;
  private readonly learningRate: Schedule;
  private readonly clipRange: Schedule;
  private stopFlag = false;
  private envStarted = false;
  private readonly actionLog: ActionLog | null;
  private readonly replay: Uint8Array | null;

  constructor(options: PpoTrainerOptions) {
    const { policy, env } = options;
    this.config = resolvePpoConfig(options.config, env.numEnvs);
    const c = this.config;
    this.policy = policy;
    this.env = env;
    this.options = options;
    this.root = createRng(c.seed);
    this.buffer = new RolloutBuffer({ nSteps: c.nSteps, nEnvs: env.numEnvs, observationSize: env.obsDim, actionCount: policy.actionCount });
    this.scratch = createRolloutScratch(env.numEnvs, env.obsDim);
    this.optimizer = createAdam(options.optimizer ?? 'auto', policy.trainableVariables(), { epsilon: c.adamEpsilon, maxGradNorm: c.maxGradNorm });
    this.totalUpdates = Math.ceil(c.totalSteps / this.buffer.size);
    this.learningRate = c.annealLearningRate ? linearSchedule(c.learningRate, 0) : constantSchedule(c.learningRate);
    this.clipRange = c.annealClipRange ? linearSchedule(c.clipRange, 0) : constantSchedule(c.clipRange);
    const saved = options.resume?.trainerState;
    if (saved !== undefined) this.optimizer.importState(saved.optimizer);
    this.updatesDone = options.resume?.updatesDone ?? 0;
    this.totalSteps = options.resume?.totalSteps ?? 0;
    this.replay = hasCompleteActionLog(saved, this.totalSteps) ? saved.actions : null;
    // without a complete log (a checkpoint from before action logging) later resumes cannot replay either
    this.actionLog = this.totalSteps === 0 || this.replay !== null ? new ActionLog(this.replay ?? undefined) : null;
  }

  /** Asks `train` to stop after the update in progress (e.g. on Ctrl-C, to write a checkpoint). */
  requestStop(): void {
    this.stopFlag = true;
  }

  /** True once a stop has been requested. */
  get stopRequested(): boolean {
    return this.stopFlag;
  }

  /**
   * Runs updates until the step budget is spent or a stop is requested, yielding to the event
   * loop between updates so signal handlers and servers get to run.
   */
  async train(): Promise<PpoTrainResult> {
    let last: PpoUpdateStats | null = null;
    while (this.totalSteps < this.config.totalSteps && !this.stopFlag) {
      last = this.runUpdate();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const status = this.totalSteps >= this.config.totalSteps ? 'completed' : 'stopped';
    return { status, updatesDone: this.updatesDone, totalSteps: this.totalSteps, last };
  }

  /** One PPO iteration: collect rollout → advantages → epochs × minibatches → log. */
  runUpdate(): PpoUpdateStats {
    const c = this.config;
    const k = this.updatesDone;
    const progress = updateProgress(k, this.totalUpdates);
    const learningRate = this.learningRate(progress);
    const clipRange = this.clipRange(progress);
    const reference = this.options.referenceLogProbs;
    const auxiliary = this.beginAuxiliaryLosses(k, progress);
    this.startEnvOnce();

    const rolloutStart = performance.now();
    const rngs = { sampleRng: this.root.fork(`rollout/${k}`), valueRng: this.root.fork(`values/${k}`) };
    const lastValues = collectRollout(this.policy, this.env, this.buffer, this.scratch, rngs, this.options.onEpisode);
    this.actionLog?.append(this.buffer.actions);
    this.buffer.computeReturnsAndAdvantages(lastValues, { gamma: c.gamma, lambda: c.gaeLambda });
    if (reference) recordReferenceLogProbs(reference, this.buffer);

    const updateStart = performance.now();
    const epochs = runPpoEpochs(this.policy, this.optimizer, this.buffer, this.root.fork(`minibatches/${k}`), {
      nEpochs: c.nEpochs,
      minibatchSize: c.minibatchSize,
      learningRate,
      targetKl: c.targetKl,
      withReference: reference !== undefined,
      loss: this.lossOptions(clipRange, reference !== undefined),
      auxiliary,
      progress,
    });
    const end = performance.now();

    this.updatesDone = k + 1;
    this.totalSteps += this.buffer.size;
    const stats = ppoUpdateStats({
      epochs,
      rolloutSteps: this.buffer.size,
      update: this.updatesDone,
      totalSteps: this.totalSteps,
      learningRate,
      clipRange,
      explainedVariance: explainedVariance(this.buffer.values, this.buffer.returns),
      meanEpisodeReturn: this.env.recentEpisodes.meanReturn() ?? null,
      meanEpisodeLength: this.env.recentEpisodes.meanLength() ?? null,
      episodes: this.env.totalEpisodes,
      rolloutSeconds: (updateStart - rolloutStart) / 1000,
      updateSeconds: (end - updateStart) / 1000,
      auxiliaryWeights: Object.fromEntries(auxiliary.map(({ loss, weight }) => [loss.name, weight])),
    });
    this.options.onUpdate?.(stats);
    return stats;
  }

  /**
   * What a checkpoint needs to resume this run exactly: Adam's state and the action log (empty
   * when this run itself resumed a checkpoint that had no log).
   */
  exportState(): TrainerState {
    return { optimizer: this.optimizer.exportState(), numEnvs: this.env.numEnvs, actions: this.actionLog?.snapshot() ?? new Uint8Array(0) };
  }

  /** Frees the optimiser state (the policy and env belong to the caller). */
  dispose(): void {
    this.optimizer.dispose();
  }

  /** Starts update k of every auxiliary loss and reads its weight at this update's progress. */
  private beginAuxiliaryLosses(update: number, progress: number): WeightedAuxiliaryLoss[] {
    return (this.options.auxiliaryLosses ?? []).map((loss) => {
      loss.beginUpdate?.(update);
      return { loss, weight: loss.weight(progress) };
    });
  }

  /**
   * Resets the envs before the first update: with the seed for a new run, then, when resuming
   * with an action log, re-drives them through it (calling `onReplayedUpdate` at each update's
   * end); without a log, a resumed run re-seeds them with `seed + updatesDone · nEnvs`.
   */
  private startEnvOnce(): void {
    if (this.envStarted) return;
    this.envStarted = true;
    if (this.replay === null) {
      this.env.reset(this.config.seed + this.updatesDone * this.env.numEnvs);
      return;
    }
    this.env.reset(this.config.seed);
    const observe = this.options.onReplayedUpdate;
    replayActions(this.env, this.replay, this.buffer.size, (stepsDone) =>
      observe?.({ totalSteps: stepsDone, meanEpisodeReturn: this.env.recentEpisodes.meanReturn() ?? null }));
  }

  private lossOptions(clipRange: number, withReference: boolean): PpoLossOptions {
    const c = this.config;
    return {
      clipRange,
      clipRangeVf: c.clipRangeVf,
      vfCoef: c.vfCoef,
      entCoef: c.entCoef,
      klCoef: withReference ? c.klCoef : 0,
      normalizeAdvantages: c.normalizeAdvantages,
    };
  }
}
