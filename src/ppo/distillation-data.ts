import { TradegymError } from '../core/errors.js';
import type { Rng } from '../core/rng.js';

/**
 * A teacher's demonstrations: states and the target distribution the teacher assigns to each
 * (one-hot for a rule strategy, its softened probabilities for a policy). Row-major typed arrays.
 */
export interface DistillationData {
  /** [count, observationSize]. */
  observations: Float32Array;
  /** [count, actionCount], rows summing to 1. */
  targets: Float32Array;
  count: number;
  observationSize: number;
  actionCount: number;
}

/** Checks the arrays' lengths agree with `count` and the sizes (E_BAD_ARGUMENT otherwise). */
export function checkDistillationData(data: DistillationData, observationSize: number, actionCount: number): void {
  const ok =
    Number.isInteger(data.count) && data.count >= 1 &&
    data.observationSize === observationSize && data.actionCount === actionCount &&
    data.observations.length === data.count * observationSize && data.targets.length === data.count * actionCount;
  if (!ok) {
    throw new TradegymError('E_BAD_ARGUMENT',
      `distillation data has ${data.count} rows of ${data.observationSize} features and ${data.actionCount} targets; the student takes ${observationSize} features and ${actionCount} actions (train the student on the teacher's features and action levels).`);
  }
}

/** A reusable minibatch: rows drawn from distillation data. */
export interface DistillationBatch {
  observations: Float32Array;
  targets: Float32Array;
  size: number;
}

/** Allocates a batch of `size` rows for `data`'s shapes. */
export function createDistillationBatch(data: DistillationData, size: number): DistillationBatch {
  return { observations: new Float32Array(size * data.observationSize), targets: new Float32Array(size * data.actionCount), size };
}

/** Fills `batch` with rows drawn uniformly with replacement by `rng` (no allocation). */
export function sampleDistillationBatch(data: DistillationData, batch: DistillationBatch, rng: Rng): void {
  const d = data.observationSize;
  const k = data.actionCount;
  for (let i = 0; i < batch.size; i++) {
    const row = rng.int(data.count);
    batch.observations.set(data.observations.subarray(row * d, row * d + d), i * d);
    batch.targets.set(data.targets.subarray(row * k, row * k + k), i * k);
  }
}

/** Fills `batch` with rows `order[start … start + size)` (an epoch's shuffled order). */
export function gatherDistillationBatch(data: DistillationData, batch: DistillationBatch, order: Int32Array, start: number): void {
  const d = data.observationSize;
  const k = data.actionCount;
  for (let i = 0; i < batch.size; i++) {
    const row = order[(start + i) % order.length]!;
    batch.observations.set(data.observations.subarray(row * d, row * d + d), i * d);
    batch.targets.set(data.targets.subarray(row * k, row * k + k), i * k);
  }
}
