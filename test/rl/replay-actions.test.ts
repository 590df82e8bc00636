import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { replayActions } from '../../src/rl/replay-actions.js';
import { VectorEnv } from '../../src/rl/vector-env.js';
import { CountingEnv } from './counting-env.js';

const make = () => new VectorEnv(3, (i) => new CountingEnv(4 + i, i === 2));

describe('replayActions', () => {
  it('re-drives a freshly reset env to exactly the state live stepping reached, calling back at each boundary', () => {
    const live = make();
    live.reset(5);
    const rng = createRng(1);
    const logged: number[] = [];
    for (let t = 0; t < 20; t++) {
      const actions = Int32Array.from({ length: 3 }, () => rng.int(3));
      logged.push(...actions);
      live.step(actions);
    }
    const replayed = make();
    replayed.reset(5);
    const boundaries: number[] = [];
    replayActions(replayed, Uint8Array.from(logged), 12, (done) => boundaries.push(done));
    expect(boundaries).toEqual([12, 24, 36, 48, 60]);
    expect(Array.from(replayed.observations)).toEqual(Array.from(live.observations));
    expect(Array.from(replayed.episodeReturns)).toEqual(Array.from(live.episodeReturns));
    expect(Array.from(replayed.episodeLengths)).toEqual(Array.from(live.episodeLengths));
    expect(replayed.totalEpisodes).toBe(live.totalEpisodes);
    expect(replayed.recentEpisodes.meanReturn()).toBe(live.recentEpisodes.meanReturn());
    // and both continue identically
    live.step(Int32Array.from([2, 1, 0]));
    replayed.step(Int32Array.from([2, 1, 0]));
    expect(Array.from(replayed.observations)).toEqual(Array.from(live.observations));
  });

  it('refuses a log that is not a whole number of steps', () => {
    const env = make();
    env.reset(0);
    expect(() => replayActions(env, Uint8Array.from([0, 1, 2, 0]), 3)).toThrow(/4 logged actions are not a whole number of steps of 3 envs/);
  });
});
