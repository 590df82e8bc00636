import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../core/rng.js';
import type { Policy } from '../nn/policy.js';
import type { AuxiliaryLoss } from './auxiliary-loss.js';
import {
  checkDistillationData,
  createDistillationBatch,
  sampleDistillationBatch,
  type DistillationBatch,
  type DistillationData,
} from './distillation-data.js';
import { distillationLoss } from './distillation-loss.js';
import type { Schedule } from './schedules.js';

/** Options of {@link PolicyDistillation}. */
export interface PolicyDistillationOptions {
  /** Weight of the term over training progress (e.g. `rampHoldSchedule({ max: 1 })`). */
  schedule: Schedule;
  /** Teacher rows per PPO minibatch (default 256). */
  batchSize?: number;
  /** Student temperature τ (the targets are tempered when built; default 1). */
  temperature?: number;
  /** Seeds the row draws: update k draws from `createRng(seed).fork('distill/k')`. */
  seed: number;
}

/**
 * Teacher distillation mixed into PPO: every minibatch adds weight(progress)·τ²·KL(p_T‖p_S^τ)
 * on `batchSize` teacher rows drawn with a seeded stream (Rusu et al. 2015, arXiv:1511.06295;
 * Hinton et al. 2015, arXiv:1503.02531). The rows come from the teacher's demonstrations rather
 * than the rollout: a trading observation without account features is the market's feature row,
 * which the agent's actions do not change, so the demonstration states are the rollout's state
 * distribution (the same training range) and need no per-step teacher query.
 */
export class PolicyDistillation implements AuxiliaryLoss {
  readonly name = 'distill';
  private readonly batch: DistillationBatch;
  private readonly temperature: number;
  private readonly zeroActions: Int32Array;
  private rng: Rng;

  constructor(private readonly policy: Policy, private readonly data: DistillationData, private readonly options: PolicyDistillationOptions) {
    checkDistillationData(data, policy.observationSize, policy.actionCount);
    this.batch = createDistillationBatch(data, options.batchSize ?? 256);
    this.temperature = options.temperature ?? 1;
    this.zeroActions = new Int32Array(this.batch.size);
    this.rng = createRng(options.seed).fork('distill/0');
  }

  /** The schedule's weight at `progress`. */
  weight(progress: number): number {
    return this.options.schedule(progress);
  }

  /** Forks update k's stream of row draws. */
  beginUpdate(update: number): void {
    this.rng = createRng(this.options.seed).fork(`distill/${update}`);
  }

  /** τ²·KL(p_T‖p_S^τ) on a fresh draw of teacher rows (unweighted). */
  loss(): tf.Scalar {
    sampleDistillationBatch(this.data, this.batch, this.rng);
    const { observations, targets, size } = this.batch;
    const evaluation = this.policy.evaluate(
      tf.tensor2d(observations, [size, this.data.observationSize]),
      tf.tensor1d(this.zeroActions, 'int32'),
    );
    if (evaluation.allLogProbs === undefined) throw new RangeError('PolicyDistillation needs Policy.evaluate to return allLogProbs');
    return distillationLoss(evaluation.allLogProbs, tf.tensor2d(targets, [size, this.data.actionCount]), this.temperature);
  }
}
