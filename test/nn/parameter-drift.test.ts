import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { parameterDrift, totalAdapterDeltaNorm } from '../../src/nn/parameter-drift.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

const config = { observationSize: 4, actionCount: 3, actorHidden: [6], criticHidden: [5] };

describe('parameterDrift', () => {
  it('is 0 for every layer right after attaching adapters', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    policy.attachAdapters({ rank: 2, alpha: 4 }, new Rng(2));
    const drift = parameterDrift(policy);
    expect(drift.map((d) => d.name)).toEqual(['actor/hidden_0', 'actor/head', 'critic/hidden_0', 'critic/head']);
    expect(drift.every((d) => d.relativeDrift === 0)).toBe(true);
    expect(drift.map((d) => d.adapterDeltaNorm)).toEqual([0, null, 0, null]);
    policy.dispose();
  });

  it('reports ‖ΔW‖/‖θ_base‖ and ‖A·B·α/r‖_F for an adapted layer', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    policy.attachAdapters({ rank: 1, alpha: 2 }, new Rng(2));
    const layer = policy.layers[0]!;
    const a = policy.adapterWeights().find((w) => w.name === 'actor/hidden_0/lora_a')!.tensor as tf.Variable;
    const b = policy.adapterWeights().find((w) => w.name === 'actor/hidden_0/lora_b')!.tensor as tf.Variable;
    a.assign(tf.tensor2d([1, 0, 0, 0], [4, 1]));
    b.assign(tf.tensor2d([[0.5, 0, 0, 0, 0, 0]]));
    // ΔW = A·B·(α/r) = 2·0.5 at [0, 0] → ‖ΔW‖ = 1
    const base = tf.tidy(() => Math.sqrt(tf.add(tf.sum(tf.square(layer.kernel)), tf.sum(tf.square(layer.bias))).dataSync()[0]!));
    const drift = parameterDrift(policy);
    expect(drift[0]!.adapterDeltaNorm).toBeCloseTo(1, 6);
    expect(drift[0]!.relativeDrift).toBeCloseTo(1 / base, 6);
    expect(drift[2]!.relativeDrift).toBe(0);
    expect(totalAdapterDeltaNorm(drift)).toBeCloseTo(1, 6);
    policy.dispose();
  });

  it('measures full fine-tuning against a captured reference, and needs one', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    expect(() => parameterDrift(policy)).toThrow(/reference/);
    policy.captureReference();
    const head = policy.layers[1]!;
    head.bias.assign(tf.add(head.bias, 3));
    const drift = parameterDrift(policy);
    expect(drift[1]!.relativeDrift).toBeGreaterThan(0);
    expect(drift[1]!.adapterDeltaNorm).toBeNull();
    expect(drift[0]!.relativeDrift).toBe(0);
    policy.dispose();
  });
});
