import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { selectBackend } from '../../src/nn/backend.js';
import { fileSystemHandler } from '../../src/nn/fs-io-handler.js';
import { LoraDense, type LoraDenseArgs } from '../../src/nn/lora-dense.js';

const inputs = (() => {
  const rng = new Rng(21);
  return Float32Array.from({ length: 10 * 4 }, () => rng.normal());
})();

function model(args: Omit<LoraDenseArgs, 'inputShape'>): { net: tf.Sequential; layer: LoraDense } {
  const layer = new LoraDense({ ...args, inputShape: [4] });
  const net = tf.sequential({ layers: [layer] });
  return { net, layer };
}

function predict(net: tf.LayersModel): Float32Array {
  return tf.tidy(() => (net.predict(tf.tensor2d(inputs, [10, 4])) as tf.Tensor).dataSync() as Float32Array);
}

async function fit(net: tf.LayersModel): Promise<void> {
  net.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
  const x = tf.tensor2d(inputs, [10, 4]);
  const y = tf.ones([10, 3]);
  await net.fit(x, y, { epochs: 3, batchSize: 10, verbose: 0, shuffle: false });
  tf.dispose([x, y]);
}

/** Values of the layer weight named `suffix` (kernel, bias, lora_a, lora_b). */
function weight(layer: LoraDense, suffix: string): Float32Array {
  return layer.weights.find((w) => w.name.endsWith(`/${suffix}`))!.read().dataSync().slice() as Float32Array;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('LoraDense (tf.layers)', () => {
  let dir: string;
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
    dir = await mkdtemp(path.join(tmpdir(), 'tradegym-lora-dense-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('validates its arguments with E_BAD_ARGUMENT and a sentence naming the field', () => {
    const cases: Array<[Partial<LoraDenseArgs>, RegExp]> = [
      [{ units: 0, rank: 2 }, /units = 0 is invalid; expected an integer > 0/],
      [{ units: 3, rank: -1 }, /rank = -1 is invalid; expected an integer ≥ 0/],
      [{ units: 3, rank: 1.5 }, /rank = 1.5/],
      [{ units: 3, rank: 2, alpha: 0 }, /alpha = 0 is invalid; expected a finite number > 0/],
      [{ units: 3, rank: 2, activation: 'gelu' as 'tanh' }, /activation = "gelu".*one of linear, tanh, relu, sigmoid/],
    ];
    for (const [args, message] of cases) {
      try {
        new LoraDense(args as LoraDenseArgs);
        expect.unreachable();
      } catch (e) {
        expect(isTradegymError(e, 'E_BAD_ARGUMENT')).toBe(true);
        expect((e as Error).message).toMatch(message);
      }
    }
  });

  it('freezes kernel and bias and trains A and B; rank 0 is a plain trainable dense layer', () => {
    const { layer } = model({ units: 3, rank: 2, seed: 5 });
    expect(layer.trainableWeights.map((w) => w.shape)).toEqual([[4, 2], [2, 3]]);
    expect(layer.nonTrainableWeights.map((w) => w.shape)).toEqual([[4, 3], [3]]);
    const { layer: plain } = model({ units: 3, rank: 0, seed: 5 });
    expect(plain.trainableWeights.map((w) => w.shape)).toEqual([[4, 3], [3]]);
    expect(plain.nonTrainableWeights).toHaveLength(0);
  });

  it('equals its base at step 0, then fit() moves only the adapter', async () => {
    const { net: base } = model({ units: 3, rank: 0, seed: 5, activation: 'tanh' });
    const { net, layer } = model({ units: 3, rank: 2, alpha: 4, seed: 5, activation: 'tanh' });
    expect(predict(net)).toEqual(predict(base));
    const [kernel, bias, loraA] = [weight(layer, 'kernel'), weight(layer, 'bias'), weight(layer, 'lora_a')];
    await fit(net);
    expect(weight(layer, 'kernel')).toEqual(kernel);
    expect(weight(layer, 'bias')).toEqual(bias);
    expect(maxAbsDiff(weight(layer, 'lora_a'), loraA)).toBeGreaterThan(1e-4);
    expect(maxAbsDiff(predict(net), predict(base))).toBeGreaterThan(1e-3);
  });

  it('merges within 1e-5 of the adapted output, unmerges exactly, and refuses a non-finite merge', async () => {
    const { net, layer } = model({ units: 3, rank: 2, alpha: 4, seed: 6, activation: 'tanh' });
    await fit(net);
    const adapted = predict(net);
    const kernel = weight(layer, 'kernel');
    layer.merge();
    expect(maxAbsDiff(weight(layer, 'kernel'), kernel)).toBeGreaterThan(1e-4);
    expect(maxAbsDiff(predict(net), adapted)).toBeLessThan(1e-5);
    layer.unmerge();
    expect(weight(layer, 'kernel')).toEqual(kernel);
    const weights = layer.getWeights(); // order: lora_a, lora_b (trainable), kernel, bias
    layer.setWeights([weights[0]!, tf.fill([2, 3], Infinity), weights[2]!, weights[3]!]);
    expect(() => layer.merge()).toThrowError(expect.objectContaining({ code: 'E_NON_FINITE_WEIGHTS' }));
    expect(layer.merged).toBe(false);
    expect(weight(layer, 'kernel')).toEqual(kernel);
  });

  it('handles inputs of rank 3 (dense over the last axis) and owns exactly its four weights', () => {
    const before = tf.memory().numTensors;
    const layer = new LoraDense({ units: 5, rank: 2 });
    const shape = tf.tidy(() => (layer.apply(tf.ones([2, 3, 4])) as tf.Tensor).shape);
    expect(shape).toEqual([2, 3, 5]);
    expect(tf.memory().numTensors - before).toBe(4);
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves and loads through the node:fs IOHandler as a registered class, reproducing outputs exactly', async () => {
    const { net } = model({ units: 3, rank: 2, alpha: 4, seed: 7, activation: 'relu' });
    await fit(net);
    const target = path.join(dir, 'plain');
    await net.save(fileSystemHandler(target));
    const loaded = await tf.loadLayersModel(fileSystemHandler(target));
    expect(loaded.layers[0]).toBeInstanceOf(LoraDense);
    expect(predict(loaded)).toEqual(predict(net));
  });

  it('remembers a merge across save/load so the update is not applied twice', async () => {
    const { net, layer } = model({ units: 3, rank: 2, alpha: 4, seed: 8, activation: 'tanh' });
    await fit(net);
    layer.merge();
    const merged = predict(net);
    const target = path.join(dir, 'merged');
    await net.save(fileSystemHandler(target));
    const loaded = await tf.loadLayersModel(fileSystemHandler(target));
    expect(maxAbsDiff(predict(loaded), merged)).toBeLessThan(1e-6);
    expect(() => (loaded.layers[0] as LoraDense).unmerge()).toThrowError(/saved merged/);
  });
});
