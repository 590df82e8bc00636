import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import type { LoraOptions } from '../../src/nn/actor-critic-config.js';
import { selectBackend } from '../../src/nn/backend.js';
import { trainBriefly } from './train-briefly.js';

const config = { observationSize: 6, actionCount: 5, actorHidden: [16, 16], criticHidden: [16, 16] };
const created: ActorCritic[] = [];
const obs = Float32Array.from({ length: 8 * 6 }, (_, i) => Math.sin(i * 1.7) * 2);

function makePolicy(lora?: LoraOptions): ActorCritic {
  const policy = ActorCritic.create(config, new Rng(11));
  if (lora) policy.attachAdapters(lora, new Rng(12));
  created.push(policy);
  return policy;
}

function outputs(policy: ActorCritic): { probs: Float32Array; values: Float32Array } {
  const { probs, values } = policy.act(obs, 8, new Rng(1), true);
  return { probs, values };
}

function snapshot(policy: ActorCritic): Map<string, Float32Array> {
  return new Map(policy.baseWeights().map(({ name, tensor }) => [name, tensor.dataSync().slice() as Float32Array]));
}

function train(policy: ActorCritic): void {
  trainBriefly(policy, obs);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('ActorCritic fine-tuning with LoRA', () => {
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
  });
  afterEach(() => {
    created.splice(0).forEach((p) => p.dispose());
  });

  it('equals its base exactly at step 0 (B = 0)', () => {
    const base = outputs(makePolicy());
    const adapted = outputs(makePolicy({ rank: 4, alpha: 8, actorLayers: 'all', criticLayers: 'all' }));
    expect(adapted.probs).toEqual(base.probs);
    expect(adapted.values).toEqual(base.values);
  });

  it('trains exactly the selected variables: adapters, optional heads, or full layers at rank 0', () => {
    const names = (p: ActorCritic) => p.trainableVariables().map((v) => v.shape.join('x'));
    expect(names(makePolicy({ rank: 4, alpha: 8 }))).toEqual(['6x4', '4x16', '16x4', '4x16', '6x4', '4x16', '16x4', '4x16']);
    expect(names(makePolicy({ rank: 4, alpha: 8, actorLayers: [1], criticLayers: 'none', heads: 'trainable' }))).toEqual([
      '16x4', '4x16', '16x5', '5', '16x1', '1',
    ]);
    expect(names(makePolicy({ rank: 0, alpha: 1, actorLayers: [0], criticLayers: 'none' }))).toEqual(['6x16', '16']);
    expect(makePolicy().trainableVariables()).toHaveLength(12);
  });

  it('rejects bad LoRA options with E_BAD_CONFIG', () => {
    for (const bad of [{ rank: -1, alpha: 1 }, { rank: 1.5, alpha: 1 }, { rank: 2, alpha: 0 }, { rank: 2, alpha: 1, actorLayers: [3] }]) {
      const policy = makePolicy();
      expect(() => policy.attachAdapters(bad, new Rng(1))).toThrowError(expect.objectContaining({ code: 'E_BAD_CONFIG' }));
    }
  });

  it('leaves the base weights bitwise unchanged while fine-tuning moves the outputs', () => {
    const policy = makePolicy({ rank: 4, alpha: 8 });
    const before = snapshot(policy);
    const outBefore = outputs(policy);
    train(policy);
    expect(snapshot(policy)).toEqual(before);
    expect(maxAbsDiff(outputs(policy).probs, outBefore.probs)).toBeGreaterThan(1e-3);
  });

  it('gives base log-probs from the frozen reference even when heads are trained', () => {
    const reference = makePolicy();
    const policy = makePolicy({ rank: 4, alpha: 8, heads: 'trainable' });
    train(policy);
    const [base, current, expected] = tf.tidy(() => {
      const x = tf.tensor2d(obs, [8, 6]);
      const actions = tf.zeros([8], 'int32') as tf.Tensor1D;
      return [policy.baseLogProbs(x).dataSync(), policy.evaluate(x, actions).allLogProbs!.dataSync(), reference.evaluate(x, actions).allLogProbs!.dataSync()];
    });
    expect(maxAbsDiff(base, expected)).toBeLessThan(1e-6);
    expect(maxAbsDiff(current, expected)).toBeGreaterThan(1e-3);
  });

  it('merges adapters into the kernels (same outputs within 1e-5) and unmerges back to the exact base', () => {
    const policy = makePolicy({ rank: 4, alpha: 8, actorLayers: 'all', criticLayers: 'all' });
    train(policy);
    const adapted = outputs(policy);
    const baseBefore = snapshot(policy);
    const kernelsBefore = policy.layers.map((l) => l.kernel.dataSync().slice());
    policy.mergeAdapters();
    expect(policy.layers.every((l) => l.merged)).toBe(true);
    const merged = outputs(policy);
    expect(maxAbsDiff(merged.probs, adapted.probs)).toBeLessThan(1e-5);
    expect(maxAbsDiff(merged.values, adapted.values)).toBeLessThan(1e-5);
    expect(maxAbsDiff(policy.layers[0]!.kernel.dataSync(), kernelsBefore[0]!)).toBeGreaterThan(1e-4);
    policy.unmergeAdapters();
    policy.layers.forEach((l, i) => expect(maxAbsDiff(l.kernel.dataSync(), kernelsBefore[i]!)).toBeLessThan(1e-6));
    expect(snapshot(policy)).toEqual(baseBefore);
    expect(outputs(policy)).toEqual(adapted);
  });

  it('refuses a merge whose result is non-finite and leaves every layer unchanged', () => {
    const policy = makePolicy({ rank: 2, alpha: 2 });
    const before = outputs(policy);
    const layer = policy.layers[1]!;
    const loraB = policy.trainableVariables()[3]!; // actor/hidden_1 B (order: A, B per adapted layer)
    expect(loraB.shape).toEqual([2, 16]);
    tf.tidy(() => loraB.assign(tf.fill([2, 16], Infinity)));
    const kernels = policy.layers.map((l) => l.kernel.dataSync().slice());
    try {
      policy.mergeAdapters();
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_NON_FINITE_WEIGHTS')).toBe(true);
      expect((e as Error).message).toContain(`layer "${layer.name}"`);
    }
    expect(policy.layers.some((l) => l.merged)).toBe(false);
    policy.layers.forEach((l, i) => expect(l.kernel.dataSync()).toEqual(kernels[i]));
    tf.tidy(() => loraB.assign(tf.zeros([2, 16])));
    expect(outputs(policy)).toEqual(before);
  });
});
