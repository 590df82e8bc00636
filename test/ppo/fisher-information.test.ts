import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { diagonalFisher } from '../../src/ppo/fisher-information.js';

let policy: ActorCritic;
const states = 6;
const obs = Float32Array.from({ length: states * 3 }, (_, i) => Math.sin(i * 1.3) * 1.5);

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
  policy = ActorCritic.create({ observationSize: 3, actionCount: 4, actorHidden: [5], criticHidden: [4] }, new Rng(7));
  // Larger head weights so the gradients are not tiny.
  const head = policy.layers.find((l) => l.name === 'actor/head')!;
  head.kernel.assign(tf.mul(head.kernel, 100));
});

afterAll(() => policy.dispose());

/** Brute force: one backward pass per (state, action) through the policy's own evaluate(). */
function bruteForce(critic: boolean): Map<string, Float32Array> {
  const byName = new Map(policy.baseWeights().map(({ name, tensor }) => [name, tensor as tf.Variable]));
  const names = [...byName.keys()].filter((n) => n.startsWith('actor/') || (critic && n.startsWith('critic/')));
  const out = new Map(names.map((n) => [n, new Float64Array(byName.get(n)!.size)]));
  const add = (grads: tf.NamedTensorMap, weight: number) => {
    for (const name of names) {
      const g = grads[byName.get(name)!.name];
      if (!g) continue;
      g.dataSync().forEach((v, i) => (out.get(name)![i]! += weight * v * v));
    }
  };
  for (let s = 0; s < states; s++) {
    const x = tf.tensor2d(obs.subarray(s * 3, s * 3 + 3), [1, 3]);
    const probs = policy.act(obs.subarray(s * 3, s * 3 + 3), 1, new Rng(0), true).probs;
    for (let a = 0; a < 4; a++) {
      const { grads } = tf.variableGrads(() => tf.sum(policy.evaluate(x, tf.tensor1d([a], 'int32')).logProb) as tf.Scalar, [...byName.values()]);
      add(grads, probs[a]!);
      tf.dispose(Object.values(grads));
    }
    if (critic) {
      const { grads } = tf.variableGrads(() => tf.sum(policy.evaluate(x, tf.tensor1d([0], 'int32')).value) as tf.Scalar, [...byName.values()]);
      add(grads, 1);
      tf.dispose(Object.values(grads));
    }
    x.dispose();
  }
  return new Map([...out].map(([n, v]) => [n, Float32Array.from(v, (x) => x / states)]));
}

describe('diagonalFisher', () => {
  it('matches per-sample gradients E_s Σ_a π(a|s)(∂ log π/∂θ)² from one backward pass per (state, action)', () => {
    const expected = bruteForce(true);
    const fisher = diagonalFisher(policy, obs, states, { includeCritic: true, batchSize: 4 });
    expect([...fisher.values.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, values] of expected) {
      const got = fisher.values.get(name)!;
      const scale = Math.max(...values.map(Math.abs), 1e-12);
      values.forEach((v, i) => expect(Math.abs(got[i]! - v) / scale).toBeLessThan(1e-4));
    }
    expect(fisher.shapes.get('actor/hidden_0/kernel')).toEqual([3, 5]);
  });

  it('covers only the policy by default, and every entry is ≥ 0', () => {
    const fisher = diagonalFisher(policy, obs, states);
    expect([...fisher.values.keys()].every((n) => n.startsWith('actor/'))).toBe(true);
    for (const values of fisher.values.values()) expect(values.every((v) => v >= 0)).toBe(true);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    diagonalFisher(policy, obs, states, { includeCritic: true });
    expect(tf.memory().numTensors).toBe(before);
  });
});
