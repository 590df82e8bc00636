import { TradegymError } from '../core/errors.js';
import type { OptimizerState } from './optimizer-state.js';

/**
 * What a PPO run needs, besides its weights and recorded progress, to continue exactly where it
 * stopped: Adam's state and every action taken so far (to re-drive the envs; `ActionLog`).
 */
export interface TrainerState {
  optimizer: OptimizerState;
  /** Number of parallel envs the actions were taken in. */
  numEnvs: number;
  /** One byte per env step, step-major (`ActionLog`); empty when the run could not log from step 0. */
  actions: Uint8Array;
}

/**
 * True when `state` logs every action of the run so far (`totalSteps` env steps), so a resumed
 * run can re-drive its envs from step 0; false without a state or with an empty log from a run
 * that itself resumed a checkpoint without one.
 */
export function hasCompleteActionLog(state: TrainerState | undefined, totalSteps: number): state is TrainerState {
  return state !== undefined && state.actions.length === totalSteps;
}

const MAGIC = 'TGTRAIN1';
const HEADER_BYTES = 24; // magic (8) + Adam step, parameter count, env count, action count (uint32 each)

/**
 * Encodes `state` as bytes (the checkpoint's `trainer-state.bin`): "TGTRAIN1"; Adam's step, the
 * parameter count n, the env count and the action count as little-endian uint32; m and v as
 * little-endian float32 × n; then the actions, one byte each.
 */
export function encodeTrainerState(state: TrainerState): Uint8Array {
  const { optimizer, actions } = state;
  const n = optimizer.m.length;
  if (optimizer.v.length !== n) throw new RangeError(`trainer state: m has ${n} values but v has ${optimizer.v.length}`);
  const bytes = new Uint8Array(HEADER_BYTES + 8 * n + actions.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, optimizer.step, true);
  view.setUint32(12, n, true);
  view.setUint32(16, state.numEnvs, true);
  view.setUint32(20, actions.length, true);
  for (let i = 0; i < n; i++) {
    view.setFloat32(HEADER_BYTES + 4 * i, optimizer.m[i]!, true);
    view.setFloat32(HEADER_BYTES + 4 * (n + i), optimizer.v[i]!, true);
  }
  bytes.set(actions, HEADER_BYTES + 8 * n);
  return bytes;
}

/** What the resuming run expects a trainer state to match. */
export interface TrainerStateExpectation {
  /** Scalars the optimiser trains. */
  parameterCount: number;
  numEnvs: number;
  /** Env steps trained so far, summed over envs (= logged actions). */
  totalSteps: number;
}

/**
 * Decodes what {@link encodeTrainerState} wrote and checks it fits the run being resumed.
 * @param file named in errors.
 * @throws TradegymError E_CHECKPOINT on a bad header, a truncated file or any mismatch.
 */
export function decodeTrainerState(bytes: Uint8Array, expected: TrainerStateExpectation, file: string): TrainerState {
  const bad = (why: string): never => {
    throw new TradegymError('E_CHECKPOINT', `Trainer state ${file} ${why}; delete it (and its "trainerState" manifest entry) to resume without it.`, { file });
  };
  if (bytes.byteLength < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) bad('is not a tradegym trainer state (bad header)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const step = view.getUint32(8, true);
  const n = view.getUint32(12, true);
  const numEnvs = view.getUint32(16, true);
  const actionCount = view.getUint32(20, true);
  const size = HEADER_BYTES + 8 * n + actionCount;
  if (bytes.byteLength !== size) bad(`has ${bytes.byteLength} bytes; expected ${size} (truncated?)`);
  if (n !== expected.parameterCount) bad(`holds Adam moments for ${n} parameters but the run trains ${expected.parameterCount}`);
  if (numEnvs !== expected.numEnvs) bad(`was recorded with ${numEnvs} envs but the run has ${expected.numEnvs}`);
  if (actionCount !== 0 && actionCount !== expected.totalSteps) bad(`logs ${actionCount} actions but the checkpoint records ${expected.totalSteps} steps`);
  const m = new Float32Array(n);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    m[i] = view.getFloat32(HEADER_BYTES + 4 * i, true);
    v[i] = view.getFloat32(HEADER_BYTES + 4 * (n + i), true);
  }
  return { optimizer: { step, m, v }, numEnvs, actions: bytes.slice(HEADER_BYTES + 8 * n) };
}
