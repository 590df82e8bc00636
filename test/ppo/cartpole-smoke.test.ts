import { beforeAll, describe, expect, it } from 'vitest';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { createRng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { PpoTrainer } from '../../src/ppo/ppo-trainer.js';
import { VectorEnv } from '../../src/rl/vector-env.js';
import { ZOO_CARTPOLE_PPO } from '../../src/runs/validate-cartpole.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

/** Mean return of the last 100 episodes after `steps` env steps of rl-baselines3-zoo's CartPole PPO. */
async function trainCartPole(seed: number, steps: number): Promise<number> {
  const env = new VectorEnv(8, (i) => new CartPoleEnv({ seed: 1000 * seed + i }));
  const policy = ActorCritic.create({ observationSize: 4, actionCount: 2, actorHidden: [64, 64], criticHidden: [64, 64] }, createRng(seed).fork('policy'));
  const trainer = new PpoTrainer({
    policy,
    env,
    config: { ...ZOO_CARTPOLE_PPO, seed },
    onUpdate: (s) => s.totalSteps >= steps && trainer.requestStop(),
  });
  const { last } = await trainer.train();
  trainer.dispose();
  policy.dispose();
  return last!.meanEpisodeReturn!;
}

describe('PPO on CartPole-v1 (smoke run; the full check is src/runs/validate-cartpole.ts)', () => {
  it('more than doubles the random policy’s ≈22 mean return within 8k steps', async () => {
    for (const seed of [0, 1]) expect(await trainCartPole(seed, 8192)).toBeGreaterThan(45);
  });
});
