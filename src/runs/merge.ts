import path from 'node:path';
import { createRng } from '../core/rng.js';
import type { ActorCritic } from '../nn/actor-critic.js';
import { selectBackend, type BackendPreference } from '../nn/backend.js';
import type { CheckpointManifest } from '../nn/checkpoint-manifest.js';
import { loadCheckpoint, saveCheckpoint } from '../nn/model-store.js';

/** What `tradegym merge` folds together. */
export interface MergeRequest {
  /** Base checkpoint directory the adapter was fine-tuned from. */
  base: string;
  /** Adapter checkpoint directory. */
  adapter: string;
  /** Merged checkpoint directory to write. */
  out: string;
}

/** What a merge produced. */
export interface MergeOutcome {
  checkpointDir: string;
  manifest: CheckpointManifest;
  /** Largest |Δ| between the adapted and the re-loaded merged policy's action probabilities and values on 256 seeded observations. */
  maxAbsDifference: number;
}

/** Observations the merged policy is checked on. */
const CHECK_ROWS = 256;

/**
 * Folds an adapter into its base (W' = W + B·A·α/r per adapted layer, refusing non-finite
 * results) and writes a standalone `merged` checkpoint, loadable like a base. The model store
 * checks the adapter belongs to this base (fingerprint). The merged checkpoint is then loaded
 * back and compared with the adapted policy on seeded standard-normal observations; the
 * largest difference is reported (float32 rounding, ≈1e-6).
 */
export async function runMerge(request: MergeRequest, options: { backend?: BackendPreference; log?: (line: string) => void } = {}): Promise<MergeOutcome> {
  await selectBackend(options.backend ?? 'auto', options.log);
  const base = path.resolve(request.base);
  const adapterDir = path.resolve(request.adapter);
  const { policy: adapted, manifest: adapter } = await loadCheckpoint(adapterDir, { baseDir: base });
  try {
    const manifest = await saveCheckpoint(request.out, adapted, 'merged', {
      featureNames: adapter.featureNames,
      actionLevels: adapter.actionLevels,
      trainingConfig: { mergedFrom: { base, adapter: adapterDir, lora: adapter.lora }, adapterTraining: adapter.trainingConfig ?? null },
      dataFingerprint: adapter.dataFingerprint ?? null,
      seed: adapter.seed ?? null,
      finalMetrics: adapter.finalMetrics ?? {},
    });
    const { policy: merged } = await loadCheckpoint(request.out);
    try {
      return { checkpointDir: request.out, manifest, maxAbsDifference: maxOutputDifference(adapted, merged) };
    } finally {
      merged.dispose();
    }
  } finally {
    adapted.dispose();
  }
}

function maxOutputDifference(a: ActorCritic, b: ActorCritic): number {
  const rng = createRng(0).fork('merge-check');
  const observations = Float32Array.from({ length: CHECK_ROWS * a.observationSize }, () => rng.normal());
  const ra = a.act(observations, CHECK_ROWS, rng, true);
  const rb = b.act(observations, CHECK_ROWS, rng, true);
  let max = 0;
  for (let i = 0; i < ra.probs.length; i++) max = Math.max(max, Math.abs(ra.probs[i]! - rb.probs[i]!));
  for (let i = 0; i < ra.values.length; i++) max = Math.max(max, Math.abs(ra.values[i]! - rb.values[i]!));
  return max;
}
