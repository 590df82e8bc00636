import { TradegymError } from '../core/errors.js';

/**
 * Adam's state between steps: the step count t (for the bias corrections) and the first and
 * second moment estimates m and v, one float32 per trained scalar in the optimiser's variable
 * order. Saved with a training checkpoint so `--resume` continues Adam where it stopped.
 */
export interface OptimizerState {
  step: number;
  m: Float32Array;
  v: Float32Array;
}

/** Throws a RangeError unless `state` holds `parameterCount` moments of each kind. */
export function checkStateSize(state: OptimizerState, parameterCount: number, owner: string): void {
  if (state.m.length !== parameterCount || state.v.length !== parameterCount) {
    throw new RangeError(`${owner}: optimizer state holds ${state.m.length}/${state.v.length} moments for ${parameterCount} parameters`);
  }
}

const MAGIC = 'TGADAM01';
const HEADER_BYTES = 16; // magic (8) + step (uint32) + parameter count (uint32)

/**
 * Encodes `state` as bytes: "TGADAM01", step and count as little-endian uint32, then m and v as
 * little-endian float32 arrays.
 */
export function encodeOptimizerState(state: OptimizerState): Uint8Array {
  const n = state.m.length;
  if (state.v.length !== n) throw new RangeError(`optimizer state: m has ${n} values but v has ${state.v.length}`);
  const bytes = new Uint8Array(HEADER_BYTES + 8 * n);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, state.step, true);
  view.setUint32(12, n, true);
  for (let i = 0; i < n; i++) {
    view.setFloat32(HEADER_BYTES + 4 * i, state.m[i]!, true);
    view.setFloat32(HEADER_BYTES + 4 * (n + i), state.v[i]!, true);
  }
  return bytes;
}

/**
 * Decodes what {@link encodeOptimizerState} wrote, checking it holds `parameterCount` values.
 * @param file named in errors.
 * @throws TradegymError E_CHECKPOINT on a bad header, a truncated file or a count mismatch.
 */
export function decodeOptimizerState(bytes: Uint8Array, parameterCount: number, file: string): OptimizerState {
  const bad = (why: string): never => {
    throw new TradegymError('E_CHECKPOINT', `Optimizer state ${file} ${why}; delete it to resume with fresh Adam moments.`, { file });
  };
  if (bytes.byteLength < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) bad('is not a tradegym Adam state (bad header)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const step = view.getUint32(8, true);
  const n = view.getUint32(12, true);
  if (n !== parameterCount) bad(`holds ${n} parameters but the run trains ${parameterCount}`);
  if (bytes.byteLength !== HEADER_BYTES + 8 * n) bad(`has ${bytes.byteLength} bytes; expected ${HEADER_BYTES + 8 * n} (truncated?)`);
  const m = new Float32Array(n);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    m[i] = view.getFloat32(HEADER_BYTES + 4 * i, true);
    v[i] = view.getFloat32(HEADER_BYTES + 4 * (n + i), true);
  }
  return { step, m, v };
}
