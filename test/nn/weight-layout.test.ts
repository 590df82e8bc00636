import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { type LoraOptions, resolveLoraOptions } from '../../src/nn/actor-critic-config.js';
import { selectBackend } from '../../src/nn/backend.js';
import { adapterWeightLayout, baseWeightLayout } from '../../src/nn/weight-layout.js';

describe('checkpoint weight layout', () => {
  const policies: ActorCritic[] = [];
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
  });
  afterAll(() => policies.forEach((p) => p.dispose()));

  const shapes = (weights: Array<{ name: string; tensor: { shape: number[] } }>) => weights.map((w) => ({ name: w.name, shape: w.tensor.shape }));

  it('derives from the config alone exactly the base weights a policy has', () => {
    const policy = ActorCritic.create({ observationSize: 4, actionCount: 3, actorHidden: [6], criticHidden: [5, 7] }, new Rng(1));
    policies.push(policy);
    expect(baseWeightLayout(policy.config)).toEqual(shapes(policy.baseWeights()));
    expect(baseWeightLayout(policy.config).map((w) => w.name).slice(0, 4)).toEqual([
      'actor/hidden_0/kernel', 'actor/hidden_0/bias', 'actor/head/kernel', 'actor/head/bias',
    ]);
  });

  const setups: LoraOptions[] = [
    { rank: 3, alpha: 6 },
    { rank: 2, alpha: 1, actorLayers: 'all', criticLayers: [1], heads: 'trainable' },
    { rank: 0, alpha: 1, actorLayers: [0], criticLayers: 'none' },
  ];
  for (const lora of setups) {
    it(`derives the adapter weights a fine-tuned policy saves (${JSON.stringify(lora)})`, () => {
      const policy = ActorCritic.create({ observationSize: 4, actionCount: 3, actorHidden: [6], criticHidden: [5, 7] }, new Rng(1));
      policies.push(policy);
      policy.attachAdapters(lora, new Rng(2));
      const layout = adapterWeightLayout(policy.config, resolveLoraOptions(lora, policy.config));
      expect(layout).toEqual(shapes(policy.adapterWeights()));
      expect(layout.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0)).toBe(policy.parameterCounts().trainable);
    });
  }
});
