import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { selectBackend } from '../../src/nn/backend.js';
import { float16Bits } from '../../src/nn/float16.js';
import { encodeQuantizedWeights, quantizeValues, type WeightQuantization } from '../../src/nn/quantize-weights.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

function gaussian(n: number, seed: number, sd: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal() * sd);
}

/** Encodes with our writer, decodes with tfjs's own reader (tf.io.decodeWeights). */
function roundTrip(values: Float32Array, dtype: WeightQuantization) {
  const tensor = tf.tensor1d(values);
  const encoded = encodeQuantizedWeights([{ name: 'w', tensor }], dtype);
  const decoded = tf.io.decodeWeights(encoded.data, encoded.specs);
  const back = decoded['w']!.dataSync() as Float32Array;
  const result = { back: Float32Array.from(back), encoded };
  tf.dispose([tensor, ...Object.values(decoded)]);
  return result;
}

describe('float16Bits', () => {
  it('encodes known values, rounding ties to even', () => {
    expect(float16Bits(1)).toBe(0x3c00);
    expect(float16Bits(-2)).toBe(0xc000);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(2 ** -24)).toBe(0x0001);
    expect(float16Bits(2 ** -14)).toBe(0x0400);
    expect(float16Bits(1 / 3)).toBe(0x3555);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(float16Bits(70000)).toBe(0x7c00);
    expect(float16Bits(2 ** -26)).toBe(0);
  });
});

describe('quantizeValues / encodeQuantizedWeights (tfjs weight quantization)', () => {
  it('uint8 round trip through tf.io.decodeWeights stays within scale/2 (tfjs affine bound)', () => {
    const values = gaussian(4096, 1, 0.3);
    const { back, encoded } = roundTrip(values, 'uint8');
    const { scale, min } = encoded.specs[0]!.quantization as { scale: number; min: number };
    let max = -Infinity;
    let lo = Infinity;
    for (const v of values) {
      max = Math.max(max, v);
      lo = Math.min(lo, v);
    }
    expect(scale).toBeCloseTo((max - lo) / 255, 12);
    expect(encoded.errorBounds['w']).toBeCloseTo(scale / 2, 15);
    let worst = 0;
    values.forEach((v, i) => {
      const err = Math.abs(v - back[i]!);
      worst = Math.max(worst, err);
      expect(err).toBeLessThanOrEqual(scale / 2 + Math.abs(v) * 2 ** -23 + 1e-12);
    });
    expect(worst).toBeGreaterThan(scale / 4);
    expect(Math.abs(-min / scale - Math.round(-min / scale))).toBeLessThan(1e-9);
  });

  it('represents 0 exactly when the range covers it (nudged zero point)', () => {
    const values = Float32Array.from([-0.7, 0, 0.05, 1.3, 0, -0.01]);
    const { back } = roundTrip(values, 'uint8');
    expect(back[1]).toBe(0);
    expect(back[4]).toBe(0);
  });

  it('uint16 is 256× finer than uint8 on the same tensor', () => {
    const values = gaussian(1000, 2, 1);
    const q8 = quantizeValues(values, 'uint8');
    const q16 = quantizeValues(values, 'uint16');
    expect(q8.errorBound / q16.errorBound).toBeCloseTo(65535 / 255, 6);
    const { back } = roundTrip(values, 'uint16');
    values.forEach((v, i) => expect(Math.abs(v - back[i]!)).toBeLessThanOrEqual(q16.errorBound + Math.abs(v) * 2 ** -23));
  });

  it('float16 round trip has relative error ≤ 2⁻¹¹ in the normal range', () => {
    const values = gaussian(2000, 3, 0.5);
    const { back, encoded } = roundTrip(values, 'float16');
    expect(encoded.data.byteLength).toBe(2 * values.length);
    values.forEach((v, i) => {
      const bound = Math.abs(v) >= 2 ** -14 ? Math.abs(v) * 2 ** -11 : 2 ** -25;
      expect(Math.abs(v - back[i]!)).toBeLessThanOrEqual(bound);
    });
  });

  it('stores 1 byte per weight for uint8 and 2 for uint16/float16; a constant tensor is exact', () => {
    const values = new Float32Array(300).fill(0.25);
    expect(quantizeValues(values, 'uint8').data.byteLength).toBe(300);
    expect(quantizeValues(values, 'uint16').data.byteLength).toBe(600);
    const { back } = roundTrip(values, 'uint8');
    expect(Array.from(back).every((v) => v === 0.25)).toBe(true);
  });

  it('refuses non-finite weights and float16 overflow with E_NON_FINITE_WEIGHTS', () => {
    const bad = (fn: () => unknown) => {
      try {
        fn();
        return false;
      } catch (e) {
        return isTradegymError(e, 'E_NON_FINITE_WEIGHTS');
      }
    };
    expect(bad(() => quantizeValues(Float32Array.from([1, NaN]), 'uint8', 'k'))).toBe(true);
    expect(bad(() => quantizeValues(Float32Array.from([1e5]), 'float16', 'k'))).toBe(true);
  });
});
