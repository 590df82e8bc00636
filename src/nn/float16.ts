const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * IEEE 754 binary16 bits of `value` (rounded to float32 first), round-to-nearest-even — what
 * numpy's `astype(np.float16)` produces, i.e. what tfjs's converter writes for `float16`
 * weight quantization and what `tf.io.decodeWeights` reads back. Overflow (|x| ≥ 65520) gives
 * ±∞, NaN stays NaN, values below 2⁻²⁵ flush to ±0; subnormals (|x| < 2⁻¹⁴) keep an absolute
 * precision of 2⁻²⁴. For normal values the relative error is at most 2⁻¹¹ (half an ulp).
 */
export function float16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) return sign | roundShift(mantissa | 0x800000, 126 - exponent);
  // Normal: keep 10 mantissa bits; a carry out of the mantissa correctly bumps the exponent (up to ∞).
  const truncated = (halfExponent << 10) | (mantissa >>> 13);
  return sign | (truncated + roundUp(mantissa & 0x1fff, 0x1000, truncated & 1));
}

/** Encodes every value of `values` as float16 bits. */
export function encodeFloat16(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float16Bits(values[i]!);
  return out;
}

/** `value >> shift` rounded to nearest, ties to even (shift ≥ 1). */
function roundShift(value: number, shift: number): number {
  if (shift > 24) return 0;
  const kept = value >>> shift;
  const remainder = value & ((1 << shift) - 1);
  return kept + roundUp(remainder, 1 << (shift - 1), kept & 1);
}

/** 1 when a truncated remainder rounds the kept part up (ties to even), else 0. */
function roundUp(remainder: number, half: number, lowBit: number): number {
  return remainder > half || (remainder === half && lowBit === 1) ? 1 : 0;
}
