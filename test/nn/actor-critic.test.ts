import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';

const small = { observationSize: 6, actionCount: 5, actorHidden: [16, 16], criticHidden: [16, 16] };
const created: ActorCritic[] = [];

function makePolicy(seed = 1, options: Partial<typeof small> = {}): ActorCritic {
  const policy = ActorCritic.create({ ...small, ...options }, new Rng(seed));
  created.push(policy);
  return policy;
}

function observations(batch: number, size: number, seed = 9): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: batch * size }, () => rng.normal());
}

/** A few Adam steps on −mean log π(a) + (V − 1)², enough to move every trainable weight. */
function train(policy: ActorCritic, obs: Float32Array, batch: number, steps = 3): void {
  const optimizer = tf.train.adam(0.05);
  const x = tf.tensor2d(obs, [batch, policy.observationSize]);
  const actions = tf.tensor1d(Array.from({ length: batch }, (_, i) => i % policy.actionCount), 'int32');
  for (let i = 0; i < steps; i++) {
    optimizer.minimize(() => {
      const { logProb, value } = policy.evaluate(x, actions);
      return tf.add(tf.neg(tf.mean(logProb)), tf.mean(tf.square(tf.sub(value, 1)))) as tf.Scalar;
    }, false, policy.trainableVariables());
  }
  tf.dispose([x, actions]);
  optimizer.dispose();
}

describe('ActorCritic', () => {
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
  });
  afterEach(() => {
    created.splice(0).forEach((p) => p.dispose());
  });

  it('acts on a batch: typed arrays, rows of probabilities summing to 1, logProbs = log π(action)', () => {
    const policy = makePolicy();
    const out = policy.act(observations(4, 6), 4, new Rng(2));
    expect(out.actions).toBeInstanceOf(Int32Array);
    expect([out.actions.length, out.logProbs.length, out.values.length, out.probs.length]).toEqual([4, 4, 4, 20]);
    for (let i = 0; i < 4; i++) {
      const row = out.probs.subarray(i * 5, i * 5 + 5);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(out.logProbs[i]).toBeCloseTo(Math.log(row[out.actions[i]!]!), 5);
      expect(Number.isFinite(out.values[i]!)).toBe(true);
    }
  });

  it('starts near uniform (policy head gain 0.01) and is reproducible from its seed', () => {
    const a = makePolicy(7).act(observations(3, 6), 3, new Rng(5));
    const b = makePolicy(7).act(observations(3, 6), 3, new Rng(5));
    const c = makePolicy(8).act(observations(3, 6), 3, new Rng(5));
    expect(b).toEqual(a);
    expect(c.probs).not.toEqual(a.probs);
    for (const p of a.probs) expect(Math.abs(p - 0.2)).toBeLessThan(0.02);
  });

  it('samples with the given rng in proportion to the probabilities, and greedy takes the arg-max', () => {
    const policy = makePolicy();
    const obs = observations(1, 6);
    const probs = policy.act(obs, 1, new Rng(1), true).probs;
    const best = probs.indexOf(Math.max(...probs));
    expect(policy.act(obs, 1, new Rng(1), true).actions[0]).toBe(best);
    const counts = new Array(5).fill(0);
    const rng = new Rng(3);
    const batch = new Float32Array(2000 * 6);
    for (let i = 0; i < 2000; i++) batch.set(obs, i * 6);
    for (const a of policy.act(batch, 2000, rng).actions) counts[a]++;
    counts.forEach((n, k) => expect(Math.abs(n / 2000 - probs[k]!)).toBeLessThan(0.04));
  });

  it('re-scores with evaluate exactly what act computed (one code path for log-prob, entropy, value)', () => {
    const policy = makePolicy();
    const obs = observations(5, 6);
    const acted = policy.act(obs, 5, new Rng(4));
    const scored = tf.tidy(() => {
      const r = policy.evaluate(tf.tensor2d(obs, [5, 6]), tf.tensor1d(acted.actions, 'int32'));
      return { logProb: r.logProb.dataSync(), entropy: r.entropy.dataSync(), value: r.value.dataSync() };
    });
    for (let i = 0; i < 5; i++) {
      expect(scored.logProb[i]).toBeCloseTo(acted.logProbs[i]!, 6);
      expect(scored.value[i]).toBeCloseTo(acted.values[i]!, 6);
      const row = Array.from(acted.probs.subarray(i * 5, i * 5 + 5));
      expect(scored.entropy[i]).toBeCloseTo(-row.reduce((h, p) => h + p * Math.log(p), 0), 5);
    }
  });

  it('keeps tf.memory().numTensors flat across repeated act calls and gradient steps', () => {
    const policy = makePolicy();
    const obs = observations(8, 6);
    policy.act(obs, 8, new Rng(1));
    train(policy, obs, 8, 1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) policy.act(obs, 8, new Rng(i));
    train(policy, obs, 8, 3);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an observation buffer that does not match batchSize × observationSize', () => {
    const policy = makePolicy();
    expect(() => policy.act(new Float32Array(11), 2, new Rng(1))).toThrowError(/expected batchSize × 6 = 12/);
  });

  it('rejects invalid network options with E_BAD_CONFIG', () => {
    for (const bad of [{ actorHidden: [0] }, { actionCount: 1 }, { observationSize: 2.5 }, { activation: 'gelu' as 'tanh' }]) {
      try {
        ActorCritic.create({ ...small, ...bad }, new Rng(1));
        expect.unreachable();
      } catch (e) {
        expect(isTradegymError(e, 'E_BAD_CONFIG')).toBe(true);
      }
    }
  });

  it('counts parameters of the default [128, 128] networks and of a rank-8 LoRA fine-tune', () => {
    const policy = ActorCritic.create({ observationSize: 20, actionCount: 5 }, new Rng(1));
    created.push(policy);
    // actor: 20·128+128 + 128·128+128 + 128·5+5 = 19,845; critic: 2,688 + 16,512 + 129 = 19,329
    expect(policy.parameterCounts()).toMatchObject({ total: 39_174, trainable: 39_174 });
    policy.attachAdapters({ rank: 8, alpha: 16 }, new Rng(2));
    // per MLP: 8·(20+128) + 8·(128+128) = 3,232 adapter entries
    const counts = policy.parameterCounts();
    expect(counts).toMatchObject({ total: 39_174 + 6_464, trainable: 6_464 });
    expect(counts.layers.map((l) => [l.name, l.rank, l.trainable])).toEqual([
      ['actor/hidden_0', 8, 1184],
      ['actor/hidden_1', 8, 2048],
      ['actor/head', 0, 0],
      ['critic/hidden_0', 8, 1184],
      ['critic/hidden_1', 8, 2048],
      ['critic/head', 0, 0],
    ]);
  });
});
