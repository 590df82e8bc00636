import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { FineTuneMonitor } from '../../src/ppo/fine-tune-monitor.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

const config = { observationSize: 3, actionCount: 3, actorHidden: [8], criticHidden: [8] };
const probe = { observations: Float32Array.from({ length: 50 * 3 }, (_, i) => Math.sin(i * 0.37) * 2), count: 50 };

describe('FineTuneMonitor', () => {
  it('reports full agreement, zero KL and zero drift right after attaching adapters', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    policy.attachAdapters({ rank: 2, alpha: 4, heads: 'trainable' }, new Rng(2));
    const m = new FineTuneMonitor(policy, probe).measure();
    expect(m.fields['agreement']).toBe(1);
    expect(m.fields['probeKl']).toBeCloseTo(0, 6);
    expect(m.fields['driftMax']).toBe(0);
    expect(m.fields['adapterDeltaNorm']).toBe(0);
    expect(m.fields['probeEntropy']).toBeCloseTo(m.probe.referenceEntropy, 6);
    expect(Object.keys(m.fields)).toContain('drift/actor/hidden_0');
    policy.dispose();
  });

  it('sees the policy move away from its base: lower agreement, positive KL and drift', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    policy.attachAdapters({ rank: 2, alpha: 4, heads: 'trainable' }, new Rng(2));
    const monitor = new FineTuneMonitor(policy, probe);
    const head = policy.layers.find((l) => l.name === 'actor/head')!;
    head.bias.assign(tf.tensor1d([0, 0, 5]));
    const m = monitor.measure();
    expect(m.fields['agreement']).toBeLessThan(1);
    expect(m.fields['probeKl']).toBeGreaterThan(0.1);
    expect(m.fields['drift/actor/head']).toBeGreaterThan(0);
    expect(m.fields['drift/critic/head']).toBe(0);
    policy.dispose();
  });

  it('compares with a teacher’s demonstrations when given', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    policy.captureReference();
    const targets = policy.act(probe.observations, probe.count, new Rng(0), true).probs;
    const m = new FineTuneMonitor(policy, probe, { observations: probe.observations, targets, count: probe.count }).measure();
    expect(m.teacherAgreement).toBe(1);
    policy.dispose();
  });
});
