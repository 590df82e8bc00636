import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { ActorCritic } from './actor-critic.js';
import type { NamedTensor } from './adapted-dense.js';
import type { CheckpointManifest } from './checkpoint-manifest.js';
import { loadCheckpoint, saveCheckpoint } from './model-store.js';
import { quantizeValues, type WeightQuantization } from './quantize-weights.js';

/** What to quantize: a base or merged checkpoint, or an adapter with its base (merged on export). */
export interface QuantizePolicyRequest {
  checkpoint: string;
  /** The base checkpoint, when `checkpoint` is an adapter. */
  base?: string;
  /** Directory of the quantized checkpoint to write. */
  out: string;
  dtype: WeightQuantization;
}

/** Sizes and weight error of a quantized export. */
export interface QuantizationReport {
  dtype: WeightQuantization;
  kind: 'base' | 'merged';
  out: string;
  /** Weights stored. */
  parameters: number;
  /** Size of the weights in float32 (parameters × 4), bytes. */
  float32WeightBytes: number;
  /** Size of the quantized weights file, bytes. */
  quantizedWeightBytes: number;
  /** float32 / quantized weight bytes. */
  compression: number;
  /** Whole checkpoint directory (manifest, model.json, weights), bytes. */
  directoryBytes: number;
  /** Largest |w − ŵ| over all weights after the round trip. */
  maxAbsError: number;
  /** Largest per-tensor bound the format guarantees (scale/2 for uint8/uint16), before float32 rounding. */
  maxErrorBound: number;
  /** Fingerprint of the dequantized weights (the base fingerprint of adapters trained on it). */
  fingerprint: string | null;
}

/**
 * Exports a policy with tfjs weight quantization (`uint8` = tfjs's 1-byte affine "int8"
 * quantization, `uint16`, `float16`) as a base or merged checkpoint that every loader reads
 * (weights are dequantized to float32 on load), then reloads it and measures the largest weight
 * error against the float32 source. Quantizing only the stored weights shrinks checkpoints ~4×
 * (uint8); compute stays float32 (tfjs has no int8 kernels), so this is weight-only quantization
 * in the sense of QLoRA's storage format (Dettmers et al. 2023, arXiv:2305.14314), not int8 inference.
 */
export async function quantizePolicy(request: QuantizePolicyRequest): Promise<QuantizationReport> {
  const source = await loadCheckpoint(request.checkpoint, request.base === undefined ? {} : { baseDir: request.base });
  let quantized: ActorCritic | undefined;
  try {
    const kind = source.manifest.kind === 'base' ? 'base' : 'merged';
    const manifest = await saveCheckpoint(request.out, source.policy, kind, quantizedMetadata(source.manifest, request), { quantization: request.dtype });
    const reloaded = await loadCheckpoint(request.out);
    quantized = reloaded.policy;
    const reference = effectiveWeights(source.policy);
    const maxAbsError = maxDifference(reference, quantized.baseWeights());
    const parameters = manifest.parameters.stored;
    return {
      dtype: request.dtype,
      kind,
      out: request.out,
      parameters,
      float32WeightBytes: parameters * 4,
      quantizedWeightBytes: manifest.weights.bytes,
      compression: (parameters * 4) / manifest.weights.bytes,
      directoryBytes: await directoryBytes(request.out),
      maxAbsError,
      maxErrorBound: largestErrorBound(reference, request.dtype),
      fingerprint: manifest.fingerprint,
    };
  } finally {
    source.policy.dispose();
    quantized?.dispose();
  }
}

function quantizedMetadata(manifest: CheckpointManifest, request: QuantizePolicyRequest) {
  return {
    featureNames: manifest.featureNames,
    actionLevels: manifest.actionLevels,
    trainingConfig: { ...manifest.trainingConfig, quantizedFrom: { checkpoint: path.resolve(request.checkpoint), base: request.base === undefined ? null : path.resolve(request.base), fingerprint: manifest.fingerprint } },
    dataFingerprint: manifest.dataFingerprint ?? null,
    seed: manifest.seed ?? null,
    finalMetrics: manifest.finalMetrics ?? {},
  };
}

/** Kernel (adapters folded in) and bias of every layer as plain arrays, by name. */
function effectiveWeights(policy: ActorCritic): Map<string, Float32Array> {
  const entries = tf.tidy(() => policy.effectiveWeights().map(({ name, tensor }) => ({ name, values: tensor.dataSync() as Float32Array })));
  return new Map(entries.map(({ name, values }) => [name, values]));
}

function maxDifference(reference: Map<string, Float32Array>, weights: readonly NamedTensor[]): number {
  let worst = 0;
  for (const { name, tensor } of weights) {
    const expected = reference.get(name)!;
    const actual = tensor.dataSync();
    for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  }
  return worst;
}

/** The largest per-tensor bound the format guarantees (see `QuantizedTensor.errorBound`). */
function largestErrorBound(reference: Map<string, Float32Array>, dtype: WeightQuantization): number {
  let bound = 0;
  for (const [name, values] of reference) bound = Math.max(bound, quantizeValues(values, dtype, name).errorBound);
  return bound;
}

async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(path.join(dir, name))).size;
  return total;
}
