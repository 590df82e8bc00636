import { beforeAll, describe, expect, it } from 'vitest';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { createRng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { PpoTrainer, type PpoUpdateStats } from '../../src/ppo/ppo-trainer.js';
import { VectorEnv } from '../../src/rl/vector-env.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

function snapshot(tensors: { name: string; tensor: { dataSync(): ArrayLike<number> } }[]): Map<string, Float32Array> {
  return new Map(tensors.map(({ name, tensor }) => [name, Float32Array.from(tensor.dataSync())]));
}

function fineTune(klCoef: number): { policy: ActorCritic; stats: PpoUpdateStats[]; baseBefore: Map<string, Float32Array> } {
  const policy = ActorCritic.create({ observationSize: 4, actionCount: 2, actorHidden: [16, 16], criticHidden: [16, 16] }, createRng(0).fork('policy'));
  const rng = createRng(0);
  policy.attachAdapters({ rank: 2, alpha: 4 }, rng.fork('lora'));
  const baseBefore = snapshot(policy.baseWeights());
  const env = new VectorEnv(4, (i) => new CartPoleEnv({ seed: i }));
  const trainer = new PpoTrainer({
    policy,
    env,
    config: { totalSteps: 1024, nSteps: 32, minibatchSize: 64, nEpochs: 4, learningRate: 3e-3, klCoef, seed: 1 },
    referenceLogProbs: (obs) => policy.baseLogProbs(obs),
  });
  const stats = Array.from({ length: 4 }, () => trainer.runUpdate());
  trainer.dispose();
  return { policy, stats, baseBefore };
}

describe('PpoTrainer fine-tune mode (LoRA)', () => {
  it('trains exactly the adapters: base weights stay bitwise unchanged, adapters move', () => {
    const { policy, baseBefore } = fineTune(0);
    const trainable = new Set(policy.trainableVariables());
    expect(policy.baseWeights().some(({ tensor }) => trainable.has(tensor as never))).toBe(false);
    for (const [name, values] of snapshot(policy.baseWeights())) expect(values).toEqual(baseBefore.get(name));
    const adapterB = policy.adapterWeights().filter(({ name }) => name.endsWith('lora_b'));
    expect(adapterB.length).toBeGreaterThan(0);
    expect(adapterB.some(({ tensor }) => Array.from(tensor.dataSync()).some((x) => x !== 0))).toBe(true);
    const counts = policy.parameterCounts();
    expect(counts.trainable).toBeLessThan(counts.total / 3);
    policy.dispose();
  });

  it('logs KL(π‖π_base), which the penalty keeps smaller', () => {
    const free = fineTune(0);
    const penalised = fineTune(5);
    const lastKl = (r: typeof free) => r.stats[r.stats.length - 1]!.referenceKl;
    expect(lastKl(free)).toBeGreaterThan(0);
    expect(lastKl(penalised)).toBeGreaterThan(0);
    expect(lastKl(penalised)).toBeLessThan(lastKl(free));
    free.policy.dispose();
    penalised.policy.dispose();
  });
});
