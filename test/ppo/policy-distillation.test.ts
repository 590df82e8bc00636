import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { cloneBehaviour } from '../../src/ppo/behaviour-cloning.js';
import type { DistillationData } from '../../src/ppo/distillation-data.js';
import { PolicyDistillation } from '../../src/ppo/policy-distillation.js';
import { oneHotTargets } from '../../src/ppo/teacher-targets.js';
import { rampHoldSchedule } from '../../src/ppo/weight-schedule.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

const config = { observationSize: 3, actionCount: 3, actorHidden: [16], criticHidden: [8] };

/** A deterministic rule teacher: action = sign of the first feature (0 short, 1 flat, 2 long). */
function ruleTeacherData(count: number): DistillationData {
  const rng = createRng(5);
  const observations = Float32Array.from({ length: count * 3 }, () => rng.normal());
  const actions = Int32Array.from({ length: count }, (_, i) => (observations[i * 3]! > 0.3 ? 2 : observations[i * 3]! < -0.3 ? 0 : 1));
  return { observations, targets: oneHotTargets(actions, 3, 0.05), count, observationSize: 3, actionCount: 3 };
}

function teacherAgreement(policy: ActorCritic, data: DistillationData): number {
  const probs = policy.act(data.observations, data.count, new Rng(0), true).probs;
  let same = 0;
  for (let i = 0; i < data.count; i++) {
    const argmax = (arr: Float32Array) => [0, 1, 2].reduce((b, k) => (arr[i * 3 + k]! > arr[i * 3 + b]! ? k : b), 0);
    if (argmax(probs) === argmax(data.targets)) same++;
  }
  return same / data.count;
}

describe('behaviour cloning from a rule teacher', () => {
  it('drives the student loss down and its greedy actions to the teacher’s', () => {
    const data = ruleTeacherData(512);
    const policy = ActorCritic.create(config, new Rng(1));
    const before = teacherAgreement(policy, data);
    const result = cloneBehaviour(policy, data, { epochs: 40, batchSize: 64, learningRate: 1e-2, rng: createRng(2) });
    expect(result.epochLosses[39]!).toBeLessThan(result.epochLosses[0]! * 0.5);
    expect(teacherAgreement(policy, data)).toBeGreaterThan(Math.max(0.9, before));
    policy.dispose();
  });

  it('leaves the critic untouched and leaks no tensors', () => {
    const data = ruleTeacherData(128);
    const policy = ActorCritic.create(config, new Rng(1));
    const critic = () => policy.baseWeights().filter((w) => w.name.startsWith('critic/')).map((w) => Array.from(w.tensor.dataSync()));
    const criticBefore = critic();
    const tensors = tf.memory().numTensors;
    cloneBehaviour(policy, data, { epochs: 2, batchSize: 32, rng: createRng(2) });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(critic()).toEqual(criticBefore);
    policy.dispose();
  });
});

describe('PolicyDistillation (auxiliary PPO loss)', () => {
  it('follows its schedule and draws the same rows for the same update', () => {
    const data = ruleTeacherData(64);
    const policy = ActorCritic.create(config, new Rng(1));
    const distill = new PolicyDistillation(policy, data, { schedule: rampHoldSchedule({ max: 2 }), batchSize: 16, seed: 9 });
    expect(distill.weight(0)).toBe(0);
    expect(distill.weight(0.5)).toBe(2);
    const value = (update: number) => {
      distill.beginUpdate(update);
      return tf.tidy(() => distill.loss().dataSync()[0]!);
    };
    expect(value(3)).toBe(value(3));
    expect(value(3)).not.toBe(value(4));
    expect(value(0)).toBeGreaterThan(0);
    policy.dispose();
  });

  it('is ~0 when the student is its own teacher', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    const rng = createRng(5);
    const observations = Float32Array.from({ length: 32 * 3 }, () => rng.normal());
    const targets = policy.act(observations, 32, new Rng(0), true).probs;
    const distill = new PolicyDistillation(policy, { observations, targets, count: 32, observationSize: 3, actionCount: 3 }, { schedule: () => 1, batchSize: 16, seed: 1 });
    expect(Math.abs(tf.tidy(() => distill.loss().dataSync()[0]!))).toBeLessThan(1e-6);
    policy.dispose();
  });
});
