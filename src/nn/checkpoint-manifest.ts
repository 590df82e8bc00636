import { isTradegymError } from '../core/errors.js';
import { type ActorCriticConfig, type ResolvedLora, resolveActorCriticConfig, resolveLoraOptions } from './actor-critic-config.js';
import { checkpointError } from './fs-io-handler.js';
import { WEIGHT_QUANTIZATIONS, type WeightQuantization } from './quantize-weights.js';

/** `base`: full weights; `adapter`: adapter weights only, tied to a base; `merged`: base with adapters folded in. */
export type CheckpointKind = 'base' | 'adapter' | 'merged';

/** What the caller records about a run (the manifest adds kind, version, network and weights info). */
export interface CheckpointMetadata {
  /** One name per observation entry (length = observationSize). */
  featureNames: readonly string[];
  /** Target exposure per action (length = actionCount). */
  actionLevels: readonly number[];
  trainingConfig?: Record<string, unknown>;
  /** `dataFingerprint` of the training data. */
  dataFingerprint?: string | null;
  seed?: number | null;
  finalMetrics?: Record<string, number | null>;
}

/** Contents of a checkpoint's `manifest.json`. */
export interface CheckpointManifest extends CheckpointMetadata {
  format: 'tradegym-checkpoint';
  formatVersion: 1;
  kind: CheckpointKind;
  tradegymVersion: string;
  network: ActorCriticConfig;
  /** The fine-tune set-up (adapter checkpoints; null otherwise). */
  lora: ResolvedLora | null;
  /** Fingerprint of the base weights a loaded policy has (base, merged); null for adapters. */
  fingerprint: string | null;
  /** Fingerprint of the base this was fine-tuned from (adapter, merged); null for a base. */
  baseFingerprint: string | null;
  /** Parameter counts when saved: all, trainable, and stored in this checkpoint. */
  parameters: { total: number; trainable: number; stored: number };
  /** The weights shard: byte length and SHA-256 (hex) for corruption checks. */
  weights: { file: string; bytes: number; sha256: string };
  /** tfjs weight quantization of the stored weights (absent or null: float32). */
  quantization?: WeightQuantization | null;
  /** The trainer state saved for `--resume` (Adam moments): byte length and SHA-256; absent or null: none. */
  trainerState?: { file: string; bytes: number; sha256: string } | null;
}

/** File name of the manifest inside a checkpoint directory. */
export const MANIFEST_JSON = 'manifest.json';

/** Validates a parsed `manifest.json`; every problem is an `E_CHECKPOINT` naming `file` and the field. */
export function parseManifest(json: Record<string, unknown>, file: string): CheckpointManifest {
  const bad = (field: string, expected: string): never => {
    throw checkpointError(file, `has an invalid "${field}" (${JSON.stringify(json[field])}); expected ${expected}`);
  };
  if (json['format'] !== 'tradegym-checkpoint') bad('format', '"tradegym-checkpoint"');
  if (json['formatVersion'] !== 1) bad('formatVersion', '1 (written by a different tradegym version?)');
  const kind = json['kind'];
  if (kind !== 'base' && kind !== 'adapter' && kind !== 'merged') bad('kind', '"base", "adapter" or "merged"');
  const network = asConfig(() => resolveActorCriticConfig(json['network'] as ActorCriticConfig), file, 'network');
  const lora = json['lora'] === null ? null : asConfig(() => resolveLoraOptions(json['lora'] as ResolvedLora, network), file, 'lora');
  if (kind === 'adapter' && lora === null) bad('lora', 'the fine-tune set-up of an adapter checkpoint');
  for (const field of ['fingerprint', 'baseFingerprint'] as const) {
    if (json[field] !== null && typeof json[field] !== 'string') bad(field, 'a hex string or null');
  }
  if (kind === 'adapter' && typeof json['baseFingerprint'] !== 'string') bad('baseFingerprint', 'the fingerprint of the base');
  const weights = json['weights'] as CheckpointManifest['weights'] | undefined;
  if (!weights || typeof weights.file !== 'string' || !Number.isSafeInteger(weights.bytes) || !/^[0-9a-f]{64}$/.test(String(weights.sha256))) {
    bad('weights', '{file, bytes, sha256}');
  }
  const trainerState = json['trainerState'] as CheckpointManifest['trainerState'];
  if (trainerState !== undefined && trainerState !== null &&
      (typeof trainerState.file !== 'string' || trainerState.file.includes('/') || trainerState.file.includes('\\') ||
       !Number.isSafeInteger(trainerState.bytes) || !/^[0-9a-f]{64}$/.test(String(trainerState.sha256)))) {
    bad('trainerState', 'null or {file (a plain file name), bytes, sha256}');
  }
  const quantization = json['quantization'];
  if (quantization !== undefined && quantization !== null && !WEIGHT_QUANTIZATIONS.includes(quantization as WeightQuantization)) {
    bad('quantization', `null or one of ${WEIGHT_QUANTIZATIONS.join(', ')}`);
  }
  const featureNames = json['featureNames'];
  if (!Array.isArray(featureNames) || featureNames.length !== network.observationSize || !featureNames.every((n) => typeof n === 'string')) {
    bad('featureNames', `${network.observationSize} strings`);
  }
  const actionLevels = json['actionLevels'];
  if (!Array.isArray(actionLevels) || actionLevels.length !== network.actionCount || !actionLevels.every(Number.isFinite)) {
    bad('actionLevels', `${network.actionCount} finite numbers`);
  }
  return { ...(json as unknown as CheckpointManifest), kind: kind as CheckpointKind, network, lora };
}

function asConfig<T>(resolve: () => T, file: string, field: string): T {
  try {
    return resolve();
  } catch (e) {
    if (isTradegymError(e, 'E_BAD_CONFIG')) throw checkpointError(file, `has an invalid "${field}": ${e.message}`, e);
    throw checkpointError(file, `has an invalid "${field}" (${(e as Error).message})`, e);
  }
}
