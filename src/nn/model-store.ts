import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { ActorCritic } from './actor-critic.js';
import type { NamedTensor } from './adapted-dense.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { type CheckpointFs, nodeCheckpointFs } from './checkpoint-fs.js';
import { type CheckpointKind, type CheckpointManifest, type CheckpointMetadata, MANIFEST_JSON, parseManifest } from './checkpoint-manifest.js';
import { type EncodedWeights, encodeCheckpointWeights, readCheckpointWeights, sha256Hex } from './checkpoint-weights.js';
import { checkpointError, fileSystemHandler, readJsonFile } from './fs-io-handler.js';
import type { WeightQuantization } from './quantize-weights.js';
import { tradegymVersion } from './tradegym-version.js';
import { adapterWeightLayout, baseWeightLayout } from './weight-layout.js';
import { weightsFingerprint } from './weights-fingerprint.js';

/** Options of the model store; `fs` is for tests that simulate failures. */
export interface ModelStoreOptions {
  fs?: CheckpointFs;
}

/** Options of `saveCheckpoint`. */
export interface SaveCheckpointOptions extends ModelStoreOptions {
  /**
   * Store the weights with tfjs weight quantization (base and merged checkpoints): `uint8` (1 byte
   * per weight, error ≤ scale/2 per tensor), `uint16` or `float16`. Loading dequantizes to float32;
   * the manifest's fingerprint is that of the dequantized weights, which a loaded policy has.
   */
  quantization?: WeightQuantization;
  /**
   * Opaque trainer state to keep with the weights (the PPO run's Adam state and action log), written as
   * `trainer-state.bin` inside the same atomic directory and recorded in the manifest with its
   * SHA-256; read back with {@link readTrainerState}.
   */
  trainerState?: Uint8Array;
}

/** File name of the optional trainer state inside a checkpoint directory. */
export const TRAINER_STATE_BIN = 'trainer-state.bin';

/** A loaded policy and its manifest. */
export interface LoadedCheckpoint {
  policy: ActorCritic;
  manifest: CheckpointManifest;
}

/**
 * Saves `policy` as a checkpoint directory `dir` (manifest.json, model.json, weights.bin),
 * atomically (temp directory + rename; a previous checkpoint survives any failure).
 * `base`: all base weights (policy must have no adapters); `adapter`: only what fine-tuning
 * trains (A, B, trained heads) plus the base's fingerprint; `merged`: base weights with every
 * adapter folded in, loadable as a base. Non-finite weights are refused.
 */
export async function saveCheckpoint(
  dir: string,
  policy: ActorCritic,
  kind: CheckpointKind,
  metadata: CheckpointMetadata,
  options: SaveCheckpointOptions = {},
): Promise<CheckpointManifest> {
  const fs = options.fs ?? nodeCheckpointFs;
  checkMetadata(metadata, policy);
  if (options.quantization !== undefined && kind === 'adapter') {
    throw new TradegymError('E_BAD_ARGUMENT', 'Adapters are stored in float32 (QLoRA keeps adapters at full precision); quantize a base or merged checkpoint instead.');
  }
  const { weights, temporaries } = weightsToSave(policy, kind);
  try {
    const encoded = await encodeCheckpointWeights(weights, options.quantization);
    const manifest = buildManifest(policy, kind, weights, encoded, metadata, options.quantization);
    const trainerState = options.trainerState;
    if (trainerState !== undefined) {
      manifest.trainerState = { file: TRAINER_STATE_BIN, bytes: trainerState.byteLength, sha256: sha256Hex(trainerState) };
    }
    const artifacts: tf.io.ModelArtifacts = {
      modelTopology: { class: 'ActorCritic', config: policy.config, lora: manifest.lora } as unknown as tf.io.ModelArtifacts['modelTopology'],
      format: 'tradegym-actor-critic',
      generatedBy: `tradegym ${manifest.tradegymVersion}`,
      convertedBy: null,
      weightSpecs: encoded.specs,
      weightData: encoded.data,
    };
    await writeDirectoryAtomically(dir, MANIFEST_JSON, async (temp) => {
      await fileSystemHandler(temp, { fs, atomic: false }).save!(artifacts);
      if (trainerState !== undefined) await fs.writeFile(path.join(temp, TRAINER_STATE_BIN), trainerState);
      await fs.writeFile(path.join(temp, MANIFEST_JSON), `${JSON.stringify(manifest, null, 2)}\n`);
    }, fs);
    return manifest;
  } finally {
    tf.dispose(temporaries);
  }
}

function buildManifest(
  policy: ActorCritic,
  kind: CheckpointKind,
  weights: readonly NamedTensor[],
  encoded: EncodedWeights,
  metadata: CheckpointMetadata,
  quantization: WeightQuantization | undefined,
): CheckpointManifest {
  const { total, trainable } = policy.parameterCounts();
  const fingerprint = kind === 'adapter' ? null : quantization === undefined ? weightsFingerprint(weights) : dequantizedFingerprint(weights, encoded);
  return {
    format: 'tradegym-checkpoint',
    formatVersion: 1,
    kind,
    tradegymVersion: tradegymVersion(),
    network: policy.config,
    lora: kind === 'adapter' ? policy.lora! : null,
    fingerprint,
    baseFingerprint: kind === 'base' || !policy.lora ? null : policy.baseFingerprint(),
    parameters: { total, trainable, stored: encoded.count },
    weights: { file: 'weights.bin', bytes: encoded.data.byteLength, sha256: encoded.sha256 },
    featureNames: [...metadata.featureNames],
    actionLevels: [...metadata.actionLevels],
    trainingConfig: metadata.trainingConfig ?? {},
    dataFingerprint: metadata.dataFingerprint ?? null,
    seed: metadata.seed ?? null,
    finalMetrics: metadata.finalMetrics ?? {},
    ...(quantization !== undefined && { quantization }),
  };
}

/** Fingerprint of the weights as a load will see them (decoded from the quantized buffer). */
function dequantizedFingerprint(weights: readonly NamedTensor[], encoded: EncodedWeights): string {
  const decoded = tf.io.decodeWeights(encoded.data, encoded.specs);
  try {
    return weightsFingerprint(weights.map(({ name }) => ({ name, tensor: decoded[name]! })));
  } finally {
    tf.dispose(Object.values(decoded));
  }
}

/**
 * Loads a checkpoint. `base` and `merged` give a fully trainable policy; an `adapter` needs
 * `baseDir` (its base checkpoint) and comes back in fine-tune mode. Every defect — missing or
 * corrupt file, truncated weights, checksum or shape mismatch, wrong base — is `E_CHECKPOINT`.
 */
export async function loadCheckpoint(dir: string, options: ModelStoreOptions & { baseDir?: string } = {}): Promise<LoadedCheckpoint> {
  const fs = options.fs ?? nodeCheckpointFs;
  const manifest = await readManifest(dir, fs);
  if (manifest.kind === 'adapter') {
    if (!options.baseDir) {
      throw checkpointError(path.join(dir, MANIFEST_JSON), 'describes an adapter; load it together with its base checkpoint (baseDir)');
    }
    const base = await loadCheckpoint(options.baseDir, { fs });
    try {
      await loadAdapterInto(base.policy, dir, { fs });
    } catch (e) {
      base.policy.dispose();
      throw e;
    }
    return { policy: base.policy, manifest };
  }
  const tensors = await readCheckpointWeights(dir, manifest, baseWeightLayout(manifest.network), fs);
  const policy = ActorCritic.create(manifest.network, new Rng(1));
  try {
    for (const [name, tensor] of Object.entries(tensors)) policy.assignWeight(name, tensor, path.join(dir, 'weights.bin'));
  } catch (e) {
    policy.dispose();
    throw e;
  } finally {
    tf.dispose(tensors);
  }
  return { policy, manifest };
}

/**
 * Attaches the adapter checkpoint in `dir` to `policy` (a base without adapters), after
 * checking the network matches and the base's fingerprint equals the one the adapter was
 * trained on. Returns the adapter's manifest.
 */
export async function loadAdapterInto(policy: ActorCritic, dir: string, options: ModelStoreOptions = {}): Promise<CheckpointManifest> {
  const fs = options.fs ?? nodeCheckpointFs;
  const manifest = await readManifest(dir, fs);
  const file = path.join(dir, MANIFEST_JSON);
  if (manifest.kind !== 'adapter') throw checkpointError(file, `is a "${manifest.kind}" checkpoint, not an adapter`);
  if (policy.lora) throw new TradegymError('E_BAD_ARGUMENT', 'loadAdapterInto needs a base policy without adapters.');
  if (JSON.stringify(policy.config) !== JSON.stringify(manifest.network)) {
    throw checkpointError(file, `was trained on network ${JSON.stringify(manifest.network)}, but the base is ${JSON.stringify(policy.config)}`);
  }
  const actual = policy.baseFingerprint();
  if (actual !== manifest.baseFingerprint) {
    throw checkpointError(
      file,
      `belongs to a different base: it was trained on base fingerprint ${manifest.baseFingerprint}, this base is ${actual}. Load the base checkpoint the adapter was fine-tuned from`,
    );
  }
  const tensors = await readCheckpointWeights(dir, manifest, adapterWeightLayout(manifest.network, manifest.lora!), fs);
  try {
    policy.attachAdapters(manifest.lora!, new Rng(1));
    for (const [name, tensor] of Object.entries(tensors)) policy.assignWeight(name, tensor, path.join(dir, 'weights.bin'));
    policy.setBaseFingerprint(manifest.baseFingerprint!);
  } finally {
    tf.dispose(tensors);
  }
  return manifest;
}

/**
 * The trainer state saved with a checkpoint (`saveCheckpoint`'s `trainerState`), or null when
 * it has none (checkpoints written before it existed, merged and quantized ones).
 * @throws TradegymError E_CHECKPOINT when the file is missing, truncated or fails its SHA-256.
 */
export async function readTrainerState(dir: string, manifest: CheckpointManifest, fs: CheckpointFs = nodeCheckpointFs): Promise<{ data: Uint8Array; file: string } | null> {
  const entry = manifest.trainerState;
  if (entry === undefined || entry === null) return null;
  const file = path.join(dir, entry.file);
  let data: Uint8Array;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw checkpointError(file, `cannot be read (${(e as Error).message}) but manifest.json lists it`, e);
  }
  if (data.byteLength !== entry.bytes || sha256Hex(data) !== entry.sha256) {
    throw checkpointError(file, `is corrupt or truncated: ${data.byteLength} bytes and its SHA-256 do not match manifest.json (delete the file and its "trainerState" entry to resume without it)`);
  }
  return { data, file };
}

/** Reads and validates `<dir>/manifest.json`, pointing at leftovers of an interrupted save when it is missing. */
export async function readManifest(dir: string, fs: CheckpointFs = nodeCheckpointFs): Promise<CheckpointManifest> {
  const file = path.join(dir, MANIFEST_JSON);
  try {
    return parseManifest(await readJsonFile(file, fs), file);
  } catch (e) {
    const leftover = await interruptedSaveLeftover(dir, fs);
    if (leftover && e instanceof TradegymError) {
      throw checkpointError(file, `${e.message.replace(/^Checkpoint file \S+ /, '').replace(/\.$/, '')}; an interrupted save left ${leftover} — if it holds the previous checkpoint, rename it to ${path.basename(dir)}`, e);
    }
    throw e;
  }
}

async function interruptedSaveLeftover(dir: string, fs: CheckpointFs): Promise<string | undefined> {
  const parent = path.dirname(path.resolve(dir));
  const prefix = `.${path.basename(path.resolve(dir))}.old-`;
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  const found = entries.find((n) => n.startsWith(prefix));
  return found ? path.join(parent, found) : undefined;
}

function weightsToSave(policy: ActorCritic, kind: CheckpointKind): { weights: NamedTensor[]; temporaries: tf.Tensor[] } {
  if (kind === 'base') {
    if (policy.lora) {
      throw new TradegymError('E_BAD_ARGUMENT', 'This policy is in fine-tune mode; save it as "adapter" (adapter weights only) or "merged" (adapters folded in), not "base".');
    }
    return { weights: policy.baseWeights(), temporaries: [] };
  }
  if (kind === 'adapter') {
    if (!policy.lora) throw new TradegymError('E_BAD_ARGUMENT', 'This policy has no adapters to save; save it as "base".');
    return { weights: policy.adapterWeights(), temporaries: [] };
  }
  const temporaries: tf.Tensor[] = [];
  try {
    const weights = policy.layers.flatMap((layer) => {
      const kernel = layer.mergedKernel();
      temporaries.push(kernel);
      return [
        { name: `${layer.name}/kernel`, tensor: kernel },
        { name: `${layer.name}/bias`, tensor: layer.bias as tf.Tensor },
      ];
    });
    return { weights, temporaries };
  } catch (e) {
    tf.dispose(temporaries);
    throw e;
  }
}

function checkMetadata(metadata: CheckpointMetadata, policy: ActorCritic): void {
  const { featureNames, actionLevels } = metadata;
  if (!Array.isArray(featureNames) || featureNames.length !== policy.observationSize || !featureNames.every((n) => typeof n === 'string')) {
    throw new TradegymError('E_BAD_ARGUMENT', `Checkpoint metadata needs featureNames with ${policy.observationSize} names (one per observation entry).`);
  }
  if (!Array.isArray(actionLevels) || actionLevels.length !== policy.actionCount || !actionLevels.every(Number.isFinite)) {
    throw new TradegymError('E_BAD_ARGUMENT', `Checkpoint metadata needs actionLevels with ${policy.actionCount} finite numbers (one per action).`);
  }
}
