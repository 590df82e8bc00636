import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import { writeDirectoryAtomically } from './atomic-directory.js';
import { type CheckpointFs, isNotFound, nodeCheckpointFs } from './checkpoint-fs.js';

/** File names of the tfjs artifacts inside a checkpoint directory. */
export const MODEL_JSON = 'model.json';
/** The single weights shard. */
export const WEIGHTS_BIN = 'weights.bin';

/** Bytes per element of the dtypes a checkpoint may hold. */
const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4 };

/** Bytes per element of float32 weights stored with tfjs weight quantization. */
const QUANTIZED_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float16: 2 };

/** Options of `fileSystemHandler`. */
export interface FileSystemHandlerOptions {
  /** File-system operations (tests inject failures). */
  fs?: CheckpointFs;
  /**
   * Default true: `save` writes a temp directory and renames it over `dir`. The model store,
   * which already writes into its own temp directory, passes false.
   */
  atomic?: boolean;
}

/**
 * A `tf.io.IOHandler` over `node:fs` (tfjs-node's `file://` handler is not available with the
 * wasm backend): `save` writes `model.json` (topology + weights manifest, tfjs format) and one
 * `weights.bin`; `load` reads them back defensively — the weights file size is checked against
 * the manifest's specs before it is read, and every problem is an `E_CHECKPOINT` naming the file.
 * Works for tf.layers models (`model.save(handler)`, `tf.loadLayersModel(handler)`) and for the
 * model store's own artifacts.
 */
export function fileSystemHandler(dir: string, options: FileSystemHandlerOptions = {}): tf.io.IOHandler {
  const fs = options.fs ?? nodeCheckpointFs;
  return {
    save: async (artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> => {
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new TradegymError('E_CHECKPOINT', `${dir}: binary (GraphDef) model topologies are not supported.`, { file: dir });
      }
      if (options.atomic === false) {
        await fs.mkdir(dir);
        await writeArtifacts(dir, artifacts, fs);
      } else {
        await writeDirectoryAtomically(dir, MODEL_JSON, (temp) => writeArtifacts(temp, artifacts, fs), fs);
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    load: () => loadArtifacts(dir, fs),
  };
}

async function writeArtifacts(dir: string, artifacts: tf.io.ModelArtifacts, fs: CheckpointFs): Promise<void> {
  const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  const modelJson = {
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology,
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
    ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
  };
  await fs.writeFile(path.join(dir, WEIGHTS_BIN), new Uint8Array(weightData));
  await fs.writeFile(path.join(dir, MODEL_JSON), JSON.stringify(modelJson));
}

async function loadArtifacts(dir: string, fs: CheckpointFs): Promise<tf.io.ModelArtifacts> {
  const jsonPath = path.join(dir, MODEL_JSON);
  const json = await readJsonFile(jsonPath, fs);
  const manifest = json['weightsManifest'];
  if (!Array.isArray(manifest) || manifest.length !== 1 || !Array.isArray(manifest[0]?.weights)) {
    throw checkpointError(jsonPath, 'has no single-shard "weightsManifest" (expected [{paths: ["weights.bin"], weights: [...]}])');
  }
  const specs = manifest[0].weights as tf.io.WeightsManifestEntry[];
  const expectedBytes = weightSpecsByteLength(specs, jsonPath);
  const weightsPath = path.join(dir, WEIGHTS_BIN);
  const size = await statSize(weightsPath, fs);
  if (size !== expectedBytes) {
    const what = size < expectedBytes ? 'truncated' : 'longer than its manifest';
    throw checkpointError(weightsPath, `is ${what}: ${size} bytes on disk, ${MODEL_JSON} describes ${expectedBytes} bytes`);
  }
  const bytes = await fs.readFile(weightsPath);
  return {
    modelTopology: json['modelTopology'] as tf.io.ModelArtifacts['modelTopology'],
    format: json['format'] as string | undefined,
    generatedBy: json['generatedBy'] as string | undefined,
    convertedBy: json['convertedBy'] as string | null | undefined,
    trainingConfig: json['trainingConfig'] as tf.io.TrainingConfig | undefined,
    userDefinedMetadata: json['userDefinedMetadata'] as tf.io.ModelArtifacts['userDefinedMetadata'],
    weightSpecs: specs,
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

/**
 * Total bytes the specs describe, validating each (name, integer shape, float32/int32, or float32
 * with tfjs weight quantization uint8/uint16/float16) so a hostile manifest cannot trigger a huge allocation.
 */
export function weightSpecsByteLength(specs: readonly tf.io.WeightsManifestEntry[], file: string): number {
  let total = 0;
  specs.forEach((spec, i) => {
    const where = `weight #${i}${typeof spec?.name === 'string' ? ` "${spec.name}"` : ''}`;
    if (typeof spec?.name !== 'string') throw checkpointError(file, `${where} has no name`);
    if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw checkpointError(file, `${where} has an invalid shape ${JSON.stringify(spec.shape)}`);
    }
    const bytesPer = spec.quantization === undefined ? BYTES_PER_ELEMENT[spec.dtype] : quantizedBytes(spec, file, where);
    if (bytesPer === undefined) throw checkpointError(file, `${where} has unsupported dtype ${JSON.stringify(spec.dtype)}`);
    total += spec.shape.reduce((n, d) => n * d, 1) * bytesPer;
  });
  if (!Number.isSafeInteger(total)) throw checkpointError(file, 'describes an impossible weights size');
  return total;
}

/** Bytes per value of a quantized float32 weight, after checking its dequantization metadata. */
function quantizedBytes(spec: tf.io.WeightsManifestEntry, file: string, where: string): number {
  const q = spec.quantization!;
  const bytes = QUANTIZED_BYTES[q?.dtype];
  if (spec.dtype !== 'float32' || bytes === undefined) {
    throw checkpointError(file, `${where} has unsupported quantisation ${JSON.stringify(q)} of dtype ${JSON.stringify(spec.dtype)} (expected float32 stored as uint8, uint16 or float16)`);
  }
  if (q.dtype !== 'float16' && !(Number.isFinite(q.min) && Number.isFinite(q.scale) && q.scale! > 0)) {
    throw checkpointError(file, `${where} is ${q.dtype}-quantised without a finite "min" and a positive "scale"`);
  }
  return bytes;
}

/** Reads and parses a JSON object file; E_CHECKPOINT when missing, unreadable or malformed. */
export async function readJsonFile(file: string, fs: CheckpointFs): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = new TextDecoder().decode(await fs.readFile(file));
  } catch (e) {
    throw checkpointError(file, isNotFound(e) ? 'is missing' : `cannot be read (${(e as Error).message})`, e);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (e) {
    throw checkpointError(file, `is not valid JSON (${(e as Error).message}); the file is corrupt`, e);
  }
}

async function statSize(file: string, fs: CheckpointFs): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (e) {
    throw checkpointError(file, isNotFound(e) ? 'is missing' : `cannot be read (${(e as Error).message})`, e);
  }
}

/** An `E_CHECKPOINT` error whose message starts with the file path. */
export function checkpointError(file: string, problem: string, cause?: unknown): TradegymError {
  return new TradegymError('E_CHECKPOINT', `Checkpoint file ${file} ${problem}.`, { file }, cause === undefined ? undefined : { cause });
}
