import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { ElasticWeightConsolidation } from '../../src/ppo/elastic-weight-consolidation.js';
import { diagonalFisher } from '../../src/ppo/fisher-information.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

const config = { observationSize: 3, actionCount: 3, actorHidden: [8], criticHidden: [8] };
const obs = Float32Array.from({ length: 40 * 3 }, (_, i) => Math.cos(i * 0.7));

describe('ElasticWeightConsolidation', () => {
  it('anchors at the base: 0 after attaching adapters, positive once they move, weight λ', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    const fisher = diagonalFisher(policy, obs, 40);
    policy.attachAdapters({ rank: 2, alpha: 4 }, new Rng(2));
    const ewc = new ElasticWeightConsolidation(policy, fisher, { lambda: 5 });
    expect(ewc.weight()).toBe(5);
    expect(ewc.value()).toBe(0);
    const b = policy.adapterWeights().find((w) => w.name === 'actor/hidden_0/lora_b')!.tensor as tf.Variable;
    b.assign(tf.fill(b.shape, 0.05));
    expect(ewc.value()).toBeGreaterThan(0);
    expect(ewc.summary).toMatchObject({ lambda: 5, normalize: 'mean', states: 40, parameters: 3 * 8 + 8 + 8 * 3 + 3 });
    ewc.dispose();
    policy.dispose();
  });

  it('mean normalisation divides F by its mean (the penalty scales by 1/mean F)', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    const fisher = diagonalFisher(policy, obs, 40);
    const mean = new ElasticWeightConsolidation(policy, fisher, { lambda: 1 });
    const raw = new ElasticWeightConsolidation(policy, fisher, { lambda: 1, normalize: 'none' });
    const head = policy.layers.find((l) => l.name === 'actor/head')!;
    head.bias.assign(tf.add(head.bias, 0.1));
    expect(mean.value() * mean.summary.fisherMean).toBeCloseTo(raw.value(), 5);
    mean.dispose();
    raw.dispose();
    policy.dispose();
  });

  it('penalises full fine-tuning of trainable base weights and backpropagates to them', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    const fisher = diagonalFisher(policy, obs, 40);
    const ewc = new ElasticWeightConsolidation(policy, fisher, { lambda: 1 });
    const head = policy.layers.find((l) => l.name === 'actor/head')!;
    head.kernel.assign(tf.add(head.kernel, 0.1));
    const { grads } = tf.variableGrads(() => ewc.loss(), [head.kernel]);
    expect(tf.tidy(() => tf.sum(tf.abs(grads[head.kernel.name]!)).dataSync()[0]!)).toBeGreaterThan(0);
    tf.dispose(Object.values(grads));
    expect(() => new ElasticWeightConsolidation(policy, fisher, { lambda: -1 })).toThrow(/λ/);
    ewc.dispose();
    policy.dispose();
  });

  it('anchors to another policy when given (a resumed fine-tune anchors to the loaded base)', () => {
    const base = ActorCritic.create(config, new Rng(1));
    const tuned = ActorCritic.create(config, new Rng(1));
    const head = tuned.layers.find((l) => l.name === 'actor/head')!;
    head.bias.assign(tf.add(head.bias, 0.2));
    const fisher = diagonalFisher(base, obs, 40);
    const self = new ElasticWeightConsolidation(tuned, fisher, { lambda: 1 });
    const anchored = new ElasticWeightConsolidation(tuned, fisher, { lambda: 1 }, base);
    expect(self.value()).toBe(0);
    expect(anchored.value()).toBeGreaterThan(0);
    self.dispose();
    anchored.dispose();
    base.dispose();
    tuned.dispose();
  });
});
