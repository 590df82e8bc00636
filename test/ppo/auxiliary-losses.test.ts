import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { createRng, Rng } from '../../src/core/rng.js';
import { actionAgreement } from '../../src/nn/action-agreement.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import type { DistillationData } from '../../src/ppo/distillation-data.js';
import { ElasticWeightConsolidation } from '../../src/ppo/elastic-weight-consolidation.js';
import { diagonalFisher } from '../../src/ppo/fisher-information.js';
import { PolicyDistillation } from '../../src/ppo/policy-distillation.js';
import type { PpoConfig } from '../../src/ppo/ppo-config.js';
import { PpoTrainer, type PpoUpdateStats } from '../../src/ppo/ppo-trainer.js';
import { oneHotTargets } from '../../src/ppo/teacher-targets.js';
import { rampHoldSchedule } from '../../src/ppo/weight-schedule.js';
import { VectorEnv } from '../../src/rl/vector-env.js';

const CONFIG: Partial<PpoConfig> = { totalSteps: 1024, nSteps: 32, minibatchSize: 64, nEpochs: 4, learningRate: 3e-3, seed: 3 };
const network = { observationSize: 4, actionCount: 2, actorHidden: [16, 16], criticHidden: [16, 16] };

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

/** CartPole states from random play, labelled by the classic rule "push towards the falling pole" (θ + θ̇ > 0 → right). */
function cartPoleTeacher(count: number): DistillationData {
  const env = new CartPoleEnv({ seed: 11 });
  const rng = createRng(12);
  const observations = new Float32Array(count * 4);
  let obs = env.reset().observation;
  for (let i = 0; i < count; i++) {
    observations.set(obs, i * 4);
    const step = env.step(rng.int(2));
    obs = step.terminated || step.truncated ? env.reset().observation : step.observation;
  }
  const actions = Int32Array.from({ length: count }, (_, i) => (observations[i * 4 + 2]! + observations[i * 4 + 3]! > 0 ? 1 : 0));
  return { observations, targets: oneHotTargets(actions, 2, 0.02), count, observationSize: 4, actionCount: 2 };
}

function train(policy: ActorCritic, auxiliaryLosses: ConstructorParameters<typeof PpoTrainer>[0]['auxiliaryLosses'], updates = 8): PpoUpdateStats[] {
  const env = new VectorEnv(4, (i) => new CartPoleEnv({ seed: i }));
  const trainer = new PpoTrainer({ policy, env, config: CONFIG, auxiliaryLosses });
  const stats = Array.from({ length: updates }, () => trainer.runUpdate());
  trainer.dispose();
  return stats;
}

function teacherAgreement(policy: ActorCritic, data: DistillationData): number {
  return actionAgreement(policy.act(data.observations, data.count, new Rng(0), true).probs, data.targets, 2).agreement;
}

describe('PpoTrainer with auxiliary losses', () => {
  it('mixes in distillation with its ramp-then-hold weight, logs it, and pulls the policy to the teacher', () => {
    const data = cartPoleTeacher(600);
    const plain = ActorCritic.create(network, new Rng(1));
    train(plain, []);
    const student = ActorCritic.create(network, new Rng(1));
    const distill = new PolicyDistillation(student, data, { schedule: rampHoldSchedule({ max: 2, rampFraction: 0.5 }), batchSize: 64, seed: 4 });
    const stats = train(student, [distill]);
    expect(stats.map((s) => s.auxiliaryWeights['distill'])).toEqual([0, 0.5, 1, 1.5, 2, 2, 2, 2]);
    expect(stats[7]!.scalars['losses/distill']).toBe(stats[7]!.auxiliary['distill']);
    expect(stats[7]!.auxiliary['distill']!).toBeLessThan(stats[0]!.auxiliary['distill']!);
    expect(teacherAgreement(student, data)).toBeGreaterThan(teacherAgreement(plain, data));
    expect(teacherAgreement(student, data)).toBeGreaterThan(0.85);
    plain.dispose();
    student.dispose();
  });

  it('EWC keeps a LoRA fine-tune closer to its base (smaller penalty, higher agreement), deterministically', () => {
    const states = cartPoleTeacher(400);
    const run = (lambda: number) => {
      const policy = ActorCritic.create(network, new Rng(1));
      const fisher = diagonalFisher(policy, states.observations, states.count);
      policy.attachAdapters({ rank: 4, alpha: 8, heads: 'trainable' }, new Rng(2));
      const ewc = new ElasticWeightConsolidation(policy, fisher, { lambda });
      const base = policy.act(states.observations, states.count, new Rng(0), true).probs.slice();
      const stats = train(policy, [ewc], 6);
      const agreement = actionAgreement(policy.act(states.observations, states.count, new Rng(0), true).probs, base, 2).agreement;
      const result = { penalty: ewc.value(), agreement, losses: stats.map((s) => s.auxiliary['ewc']) };
      ewc.dispose();
      policy.dispose();
      return result;
    };
    const free = run(0);
    const anchored = run(50);
    expect(free.penalty).toBeGreaterThan(0);
    expect(anchored.penalty).toBeLessThan(free.penalty * 0.5);
    expect(anchored.agreement).toBeGreaterThanOrEqual(free.agreement);
    expect(run(50).losses).toEqual(anchored.losses);
  });

  it('leaks no tensors across updates with auxiliary losses', () => {
    const data = cartPoleTeacher(100);
    const policy = ActorCritic.create(network, new Rng(1));
    const fisher = diagonalFisher(policy, data.observations, data.count);
    const ewc = new ElasticWeightConsolidation(policy, fisher, { lambda: 1 });
    const distill = new PolicyDistillation(policy, data, { schedule: () => 1, batchSize: 32, seed: 1 });
    const env = new VectorEnv(4, (i) => new CartPoleEnv({ seed: i }));
    const trainer = new PpoTrainer({ policy, env, config: CONFIG, auxiliaryLosses: [ewc, distill] });
    trainer.runUpdate();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) trainer.runUpdate();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    ewc.dispose();
    policy.dispose();
  });
});
