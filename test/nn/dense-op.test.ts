import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import type { Activation } from '../../src/nn/activation.js';
import { selectBackend } from '../../src/nn/backend.js';
import { denseOp } from '../../src/nn/dense-op.js';

function randomTensor(shape: [number, number], rng: Rng, scale = 1): tf.Tensor2D {
  const values = Float32Array.from({ length: shape[0] * shape[1] }, () => scale * rng.normal());
  return tf.tensor2d(values, shape);
}

const reference: Record<Activation, (z: tf.Tensor2D) => tf.Tensor2D> = {
  linear: (z) => z,
  tanh: (z) => tf.tanh(z),
  relu: (z) => tf.relu(z),
  sigmoid: (z) => tf.sigmoid(z),
};

/** Gradients of sum(y ⊙ R) w.r.t. [x, W, b, A, B] with the custom op and with tf autodiff. */
function gradientsBothWays(activation: Activation, withAdapter: boolean) {
  const rng = new Rng(3);
  const [n, din, dout, r] = [7, 5, 4, 3];
  const x = tf.variable(randomTensor([n, din], rng));
  const kernel = tf.variable(randomTensor([din, dout], rng, 0.5));
  const bias = tf.variable(tf.tensor1d(Float32Array.from({ length: dout }, () => rng.normal())));
  const loraA = tf.variable(randomTensor([din, r], rng, 0.5));
  const loraB = tf.variable(randomTensor([r, dout], rng, 0.5));
  const weightsR = randomTensor([n, dout], rng);
  const scale = 2 / r;
  const vars = withAdapter ? [x, kernel, bias, loraA, loraB] : [x, kernel, bias];
  const flags = { input: true, kernel: true, bias: true, lora: withAdapter };
  const tensors = withAdapter ? { kernel, bias, loraA, loraB, loraScale: scale } : { kernel, bias, loraScale: 0 };
  const fast = tf.variableGrads(() => tf.sum(tf.mul(denseOp(x, tensors, activation, flags), weightsR)), vars);
  const slow = tf.variableGrads(() => {
    let z = tf.add(tf.matMul(x, kernel), bias) as tf.Tensor2D;
    if (withAdapter) z = tf.add(z, tf.mul(tf.matMul(tf.matMul(x, loraA), loraB), scale));
    return tf.sum(tf.mul(reference[activation](z), weightsR));
  }, vars);
  const result = {
    valueFast: fast.value.dataSync()[0]!,
    valueSlow: slow.value.dataSync()[0]!,
    pairs: vars.map((v) => [fast.grads[v.name]!.arraySync(), slow.grads[v.name]!.arraySync()] as const),
  };
  tf.dispose([fast.value, slow.value, ...Object.values(fast.grads), ...Object.values(slow.grads), ...vars, weightsR]);
  return result;
}

function expectClose(a: unknown, b: unknown, tol: number): void {
  const fa = (a as number[][] | number[]).flat() as number[];
  const fb = (b as number[][] | number[]).flat() as number[];
  expect(fa.length).toBe(fb.length);
  fa.forEach((v, i) => expect(Math.abs(v - fb[i]!)).toBeLessThan(tol * (1 + Math.abs(fb[i]!))));
}

describe('denseOp (custom gradient)', () => {
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
  });

  for (const activation of ['tanh', 'relu', 'sigmoid', 'linear'] as const) {
    for (const withAdapter of [false, true]) {
      it(`matches tf autodiff for ${activation}${withAdapter ? ' with a LoRA adapter' : ''} (value and every gradient)`, () => {
        const { valueFast, valueSlow, pairs } = gradientsBothWays(activation, withAdapter);
        expect(Math.abs(valueFast - valueSlow)).toBeLessThan(1e-4 * (1 + Math.abs(valueSlow)));
        for (const [fast, slow] of pairs) expectClose(fast, slow, 1e-4);
      });
    }
  }

  it('trains only the adapter of a frozen layer (no base gradients needed) and leaves no tensors behind', () => {
    const rng = new Rng(5);
    const x = randomTensor([4, 3], rng);
    const kernel = tf.variable(randomTensor([3, 2], rng), false);
    const bias = tf.variable(tf.zeros([2]) as tf.Tensor1D, false);
    const loraA = tf.variable(randomTensor([3, 2], rng));
    const loraB = tf.variable(randomTensor([2, 2], rng));
    const before = tf.memory().numTensors;
    const flags = { input: false, kernel: false, bias: false, lora: true };
    const { value, grads } = tf.variableGrads(
      () => tf.sum(denseOp(x, { kernel, bias, loraA, loraB, loraScale: 1 }, 'tanh', flags)),
      [loraA, loraB],
    );
    expect(Object.keys(grads).sort()).toEqual([loraA.name, loraB.name].sort());
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, kernel, bias, loraA, loraB]);
  });
});
