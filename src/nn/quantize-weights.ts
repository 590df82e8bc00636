import type * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';
import { encodeFloat16 } from './float16.js';

/**
 * Weight storage formats of tfjs's weight quantization (`WeightsManifestEntry.quantization`):
 * `uint8` (the converter's `--quantize_uint8`, "int8" in most write-ups: 1 byte per weight),
 * `uint16` (2 bytes) — both affine per tensor — and `float16` (2 bytes, IEEE half).
 */
export type WeightQuantization = 'uint8' | 'uint16' | 'float16';

/** The quantization formats, for validation messages. */
export const WEIGHT_QUANTIZATIONS: readonly WeightQuantization[] = ['uint8', 'uint16', 'float16'];

/** Largest finite float16 value. */
const FLOAT16_MAX = 65504;

/** One tensor in a quantized format, with the metadata `tf.io.decodeWeights` dequantizes with. */
export interface QuantizedTensor {
  /** The stored values (uint8 codes, uint16 codes, or float16 bits). */
  data: Uint8Array | Uint16Array;
  /** `tf.io.WeightsManifestEntry['quantization']`. */
  quantization: { dtype: WeightQuantization; min?: number; scale?: number };
  /**
   * Largest dequantization error |w − ŵ| the format guarantees for this tensor before the
   * float32 rounding of ŵ: scale/2 for affine formats; for float16 the absolute bound
   * max|w|·2⁻¹¹ (normal range) or 2⁻²⁵ (subnormal range), whichever is larger.
   */
  errorBound: number;
}

/**
 * Quantizes float32 values the way tfjs's converter does (tfjs-converter
 * `python/tensorflowjs/quantization.py`, `quantize_weights`), so `tf.io.decodeWeights` reads
 * them back:
 * - affine `uint8`/`uint16`: scale = (max − min)/(2ᵇ − 1); when the range covers 0 it is
 *   "nudged" (as TF-Lite's `NudgeQuantizationRange`) so 0 is exactly representable:
 *   min' = −round(−min/scale)·scale; codes q = round((clip(w, min', min' + (2ᵇ−1)·scale) − min')/scale);
 *   decoding is ŵ = q·scale + min'. Both the nudge and the rounding move a value by at most
 *   scale/2, and a clipped value by at most scale/2 in total, so |w − ŵ| ≤ scale/2.
 *   A constant tensor is stored as zeros with scale 1 and min = the constant (exact).
 * - `float16`: round-to-nearest-even half floats (relative error ≤ 2⁻¹¹ in the normal range).
 * Non-finite inputs, and float16 values beyond ±65504, are refused (`E_NON_FINITE_WEIGHTS`).
 */
export function quantizeValues(values: Float32Array, dtype: WeightQuantization, name = 'weight'): QuantizedTensor {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      throw new TradegymError('E_NON_FINITE_WEIGHTS', `Cannot quantize weight "${name}": value ${v} at flat index ${i} is not finite.`);
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) min = max = 0;
  if (dtype === 'float16') {
    const maxAbs = Math.max(Math.abs(min), Math.abs(max));
    if (maxAbs > FLOAT16_MAX) {
      throw new TradegymError('E_NON_FINITE_WEIGHTS', `Cannot store weight "${name}" as float16: |w| reaches ${maxAbs}, beyond float16's largest value ${FLOAT16_MAX}; use uint8 or uint16.`);
    }
    return { data: encodeFloat16(values), quantization: { dtype }, errorBound: Math.max(maxAbs * 2 ** -11, 2 ** -25) };
  }
  const levels = dtype === 'uint8' ? 255 : 65535;
  const data = dtype === 'uint8' ? new Uint8Array(values.length) : new Uint16Array(values.length);
  if (min === max) return { data, quantization: { dtype, min, scale: 1 }, errorBound: 0 };
  const scale = (max - min) / levels;
  const nudgedMin = min <= 0 && max >= 0 ? -Math.round(-min / scale) * scale : min;
  const nudgedMax = nudgedMin + levels * scale;
  for (let i = 0; i < values.length; i++) {
    const clipped = Math.min(nudgedMax, Math.max(nudgedMin, values[i]!));
    data[i] = Math.min(levels, Math.max(0, Math.round((clipped - nudgedMin) / scale)));
  }
  return { data, quantization: { dtype, min: nudgedMin, scale }, errorBound: scale / 2 };
}

/** Encoded weights in tfjs's weights format: specs (with `quantization`) plus one concatenated buffer. */
export interface QuantizedWeights {
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
  /** Largest per-tensor error bound (see {@link QuantizedTensor.errorBound}). */
  errorBounds: Record<string, number>;
}

/**
 * Quantizes float32 tensors into one weights buffer, in order: each spec has dtype `float32`
 * and a `quantization` entry, so `tf.io.decodeWeights(data, specs)` returns dequantized float32
 * tensors. Reads each tensor synchronously.
 */
export function encodeQuantizedWeights(weights: readonly { name: string; tensor: tf.Tensor }[], dtype: WeightQuantization): QuantizedWeights {
  const parts = weights.map(({ name, tensor }) => ({ name, shape: tensor.shape, q: quantizeValues(tensor.dataSync() as Float32Array, dtype, name) }));
  const bytes = parts.reduce((n, p) => n + p.q.data.byteLength, 0);
  const buffer = new Uint8Array(bytes);
  let offset = 0;
  for (const { q } of parts) {
    buffer.set(new Uint8Array(q.data.buffer, q.data.byteOffset, q.data.byteLength), offset);
    offset += q.data.byteLength;
  }
  return {
    specs: parts.map(({ name, shape, q }) => ({ name, shape: [...shape], dtype: 'float32', quantization: q.quantization })),
    data: buffer.buffer,
    errorBounds: Object.fromEntries(parts.map(({ name, q }) => [name, q.errorBound])),
  };
}
