import { createHash } from 'node:crypto';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import type { NamedTensor } from './adapted-dense.js';
import type { CheckpointFs } from './checkpoint-fs.js';
import type { CheckpointManifest } from './checkpoint-manifest.js';
import { WEIGHTS_BIN, checkpointError, fileSystemHandler } from './fs-io-handler.js';
import { encodeQuantizedWeights, type WeightQuantization } from './quantize-weights.js';
import type { WeightShape } from './weight-layout.js';

/** Encoded weights ready for `IOHandler.save`, with their checksum. */
export interface EncodedWeights {
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
  sha256: string;
  /** Number of stored values. */
  count: number;
}

/** SHA-256 (hex) of a byte buffer. */
export function sha256Hex(data: ArrayBuffer | Uint8Array): string {
  return createHash('sha256').update(data instanceof Uint8Array ? data : new Uint8Array(data)).digest('hex');
}

/**
 * Encodes weights after checking every value is finite (`E_NON_FINITE_WEIGHTS` otherwise): as
 * float32, or — with `quantization` — in tfjs's quantized weight format (see `quantizeValues`),
 * which `tf.io.decodeWeights` dequantizes on load.
 */
export async function encodeCheckpointWeights(weights: readonly NamedTensor[], quantization?: WeightQuantization): Promise<EncodedWeights> {
  for (const { name, tensor } of weights) {
    const values = tensor.dataSync();
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new TradegymError('E_NON_FINITE_WEIGHTS', `Refusing to save: weight "${name}" has a non-finite value (${values[bad]}) at flat index ${bad}.`);
    }
  }
  const { data, specs } = quantization === undefined
    ? await tf.io.encodeWeights(weights.map(({ name, tensor }) => ({ name, tensor })))
    : encodeQuantizedWeights(weights, quantization);
  return { specs, data, sha256: sha256Hex(data), count: weights.reduce((n, w) => n + w.tensor.size, 0) };
}

/**
 * Reads a checkpoint's weights through `fileSystemHandler`, then checks, before decoding: the
 * byte length and SHA-256 against `manifest.json`, and the names and shapes against the layout
 * the manifest's network implies. Returns the decoded tensors (the caller disposes them).
 */
export async function readCheckpointWeights(
  dir: string,
  manifest: CheckpointManifest,
  layout: readonly WeightShape[],
  fs: CheckpointFs,
): Promise<tf.NamedTensorMap> {
  const artifacts = await fileSystemHandler(dir, { fs }).load!();
  const weightsFile = path.join(dir, WEIGHTS_BIN);
  const data = artifacts.weightData as ArrayBuffer;
  if (data.byteLength !== manifest.weights.bytes) {
    throw checkpointError(weightsFile, `has ${data.byteLength} bytes but manifest.json records ${manifest.weights.bytes}`);
  }
  if (sha256Hex(data) !== manifest.weights.sha256) {
    throw checkpointError(weightsFile, 'is corrupt: its SHA-256 does not match manifest.json (re-save or restore the checkpoint)');
  }
  checkLayout(artifacts.weightSpecs ?? [], layout, path.join(dir, 'model.json'));
  return tf.io.decodeWeights(data, artifacts.weightSpecs ?? []);
}

function checkLayout(specs: readonly tf.io.WeightsManifestEntry[], layout: readonly WeightShape[], file: string): void {
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const expected of layout) {
    const spec = byName.get(expected.name);
    if (!spec) throw checkpointError(file, `lacks weight "${expected.name}" that the network in manifest.json needs`);
    if (spec.shape.join() !== expected.shape.join()) {
      throw checkpointError(file, `has weight "${expected.name}" with shape [${spec.shape}], but the network expects [${expected.shape}] (shape mismatch)`);
    }
    if (spec.dtype !== 'float32') throw checkpointError(file, `has weight "${expected.name}" of dtype ${spec.dtype}; expected float32`);
  }
  const known = new Set(layout.map((w) => w.name));
  const extra = specs.find((s) => !known.has(s.name));
  if (extra) throw checkpointError(file, `has an unexpected weight "${extra.name}" (network config mismatch)`);
}
