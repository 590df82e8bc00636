import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { createRng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import type { PpoConfig } from '../../src/ppo/ppo-config.js';
import { PpoTrainer, type PpoUpdateStats } from '../../src/ppo/ppo-trainer.js';
import { VectorEnv } from '../../src/rl/vector-env.js';

const SMALL: Partial<PpoConfig> = { totalSteps: 4096, nSteps: 32, minibatchSize: 64, nEpochs: 2, gamma: 0.98, gaeLambda: 0.8, learningRate: 1e-3, seed: 5 };

function setup(seed: number, hidden = [16, 16]) {
  const env = new VectorEnv(4, (i) => new CartPoleEnv({ seed: i }));
  const policy = ActorCritic.create({ observationSize: 4, actionCount: 2, actorHidden: hidden, criticHidden: hidden }, createRng(seed).fork('policy'));
  return { env, policy };
}

function runUpdates(config: Partial<PpoConfig>, updates: number): PpoUpdateStats[] {
  const { env, policy } = setup(1);
  const trainer = new PpoTrainer({ policy, env, config });
  const stats = Array.from({ length: updates }, () => trainer.runUpdate());
  trainer.dispose();
  policy.dispose();
  return stats;
}

const losses = (s: PpoUpdateStats) => [s.policyLoss, s.valueLoss, s.entropy, s.approxKl, s.clipFraction, s.gradNorm];

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

describe('PpoTrainer', () => {
  it('is deterministic: one seed on one backend gives identical losses; another seed differs', () => {
    const a = runUpdates(SMALL, 3).map(losses);
    const b = runUpdates(SMALL, 3).map(losses);
    const c = runUpdates({ ...SMALL, seed: 6 }, 3).map(losses);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(a.flat().every(Number.isFinite)).toBe(true);
  });

  it('leaks no tensors across updates, with Adam on the host or on the device', () => {
    for (const optimizer of ['host', 'device'] as const) {
      const { env, policy } = setup(2);
      const trainer = new PpoTrainer({ policy, env, optimizer, config: { ...SMALL, targetKl: 0.5, clipRangeVf: 0.2 } });
      trainer.runUpdate();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 4; i++) trainer.runUpdate();
      expect(tf.memory().numTensors).toBe(before);
      trainer.dispose();
      policy.dispose();
    }
  });

  it('logs the CleanRL scalars with sane values and anneals the learning rate and clip range', () => {
    const stats = runUpdates({ ...SMALL, totalSteps: 512, annealLearningRate: true, annealClipRange: true }, 4);
    expect(stats.map((s) => s.learningRate)).toEqual([1e-3, 7.5e-4, 5e-4, 2.5e-4]);
    expect(stats[1]!.clipRange).toBeCloseTo(0.15, 12);
    const last = stats[3]!;
    expect(Object.keys(last.scalars)).toEqual(
      expect.arrayContaining(['losses/policy', 'losses/value', 'losses/entropy', 'approx_kl', 'clip_fraction', 'explained_variance', 'sps']),
    );
    expect(last.totalSteps).toBe(4 * 128);
    expect(last.entropy).toBeGreaterThan(0);
    expect(last.entropy).toBeLessThanOrEqual(Math.log(2) + 1e-6);
    expect(last.meanEpisodeReturn).toBeGreaterThan(5);
    expect(last.stepsPerSec).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(last))).toEqual(last);
  });

  it('stops the epochs of an update once the approx KL exceeds the target', () => {
    const [stats] = runUpdates({ ...SMALL, nEpochs: 5, targetKl: 1e-12 }, 1);
    expect(stats!.epochsRun).toBe(1);
    const [full] = runUpdates({ ...SMALL, nEpochs: 5, targetKl: null }, 1);
    expect(full!.epochsRun).toBe(5);
  });

  it('stops between updates when asked, and resumes with the schedules where it left off', async () => {
    const { env, policy } = setup(3);
    const config = { ...SMALL, totalSteps: 1280, annealLearningRate: true };
    const trainer = new PpoTrainer({ policy, env, config, onUpdate: (s) => s.update === 2 && trainer.requestStop() });
    const result = await trainer.train();
    expect(result).toMatchObject({ status: 'stopped', updatesDone: 2, totalSteps: 256 });
    trainer.dispose();
    const seen: number[] = [];
    const resumed = new PpoTrainer({ policy, env, config, resume: result, onUpdate: (s) => seen.push(s.learningRate) });
    expect(await resumed.train()).toMatchObject({ status: 'completed', updatesDone: 10, totalSteps: 1280 });
    // 10 updates in all: update k (0-based) runs at lr·(1 − k/10), so the first resumed one at 0.8·lr
    expect(seen[0]).toBeCloseTo(1e-3 * 0.8, 12);
    expect(seen).toHaveLength(8);
    resumed.dispose();
    policy.dispose();
  });
});
