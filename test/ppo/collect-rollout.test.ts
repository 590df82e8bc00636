import { beforeAll, describe, expect, it } from 'vitest';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { createRng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { collectRollout, createRolloutScratch } from '../../src/ppo/collect-rollout.js';
import { RolloutBuffer } from '../../src/ppo/rollout-buffer.js';
import { VectorEnv } from '../../src/rl/vector-env.js';

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
});

/** A VectorEnv that also keeps a copy of every final observation, keyed by step·N + env. */
class RecordingVectorEnv extends VectorEnv {
  readonly finals = new Map<number, Float32Array>();
  private steps = 0;

  override step(actions: Int32Array): void {
    super.step(actions);
    for (let e = 0; e < this.numEnvs; e++) {
      if (this.terminated[e] || this.truncated[e]) {
        this.finals.set(this.steps * this.numEnvs + e, this.finalObservations.slice(e * this.obsDim, (e + 1) * this.obsDim));
      }
    }
    this.steps++;
  }
}

describe('collectRollout', () => {
  it('records every step and V(final observation) for truncated episodes only', () => {
    // 7-step time limit: episodes of a random-ish policy are truncated before the pole falls
    const env = new RecordingVectorEnv(3, (i) => new CartPoleEnv({ seed: i, maxEpisodeSteps: 7 }));
    const policy = ActorCritic.create({ observationSize: 4, actionCount: 2, actorHidden: [8], criticHidden: [8] }, createRng(1));
    const buffer = new RolloutBuffer({ nSteps: 20, nEnvs: 3, observationSize: 4, actionCount: 2 });
    buffer.finalValues.fill(Number.NaN);
    env.reset(0);
    const episodes: number[] = [];
    const rng = createRng(2);
    const lastValues = collectRollout(policy, env, buffer, createRolloutScratch(3, 4), { sampleRng: rng.fork('a'), valueRng: rng.fork('b') }, (_e, r) => episodes.push(r));

    expect(Array.from(buffer.truncated).filter(Boolean).length).toBe(6); // steps 7 and 14 of each env
    expect(episodes).toEqual([7, 7, 7, 7, 7, 7]);
    for (let i = 0; i < buffer.size; i++) {
      if (buffer.truncated[i] && !buffer.terminated[i]) {
        const expected = policy.act(env.finals.get(i)!, 1, createRng(0), true).values[0];
        expect(buffer.finalValues[i]).toBeCloseTo(expected!, 6);
      } else {
        expect(buffer.finalValues[i]).toBeNaN();
      }
    }
    expect(Array.from(lastValues)).toEqual(Array.from(policy.act(env.observations, 3, createRng(0), true).values));
    policy.dispose();
  });

  it('draws the same actions for the same sampling stream', () => {
    const run = () => {
      const env = new VectorEnv(2, (i) => new CartPoleEnv({ seed: i }));
      const policy = ActorCritic.create({ observationSize: 4, actionCount: 2, actorHidden: [8], criticHidden: [8] }, createRng(1));
      const buffer = new RolloutBuffer({ nSteps: 16, nEnvs: 2, observationSize: 4, actionCount: 2 });
      env.reset(3);
      collectRollout(policy, env, buffer, createRolloutScratch(2, 4), { sampleRng: createRng(9), valueRng: createRng(10) });
      policy.dispose();
      return Array.from(buffer.actions);
    };
    expect(run()).toEqual(run());
  });
});
