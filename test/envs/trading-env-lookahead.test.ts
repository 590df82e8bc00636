import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import type { BarSeries } from '../../src/data/bar-series.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { TradingEnv } from '../../envs/trading-env.js';
import { randomWalkBars, withFutureReplaced } from './env-fixtures.js';

const N = 360;
const base = randomWalkBars(createRng(77), N);

/** Every observation of a full evaluation run (copied), keyed by the bar it was observed on. */
function observeAll(bars: BarSeries): Map<number, Float32Array> {
  const env = new TradingEnv({ bars, features: computeFeatures(bars), mode: 'evaluate', includeAccountFeatures: true });
  const actions = createRng(3); // the same action sequence for every run
  const seen = new Map<number, Float32Array>();
  const first = env.reset();
  seen.set(first.info.barIndex, first.observation.slice());
  for (;;) {
    const step = env.step(actions.int(env.actionSpace.n));
    seen.set(step.info.barIndex, step.observation.slice());
    if (step.terminated || step.truncated) return seen;
  }
}

const baseObservations = observeAll(base);
const firstObserved = Math.min(...baseObservations.keys());

describe('TradingEnv look-ahead (features from computeFeatures, account features on)', () => {
  it.each([firstObserved, firstObserved + 1, firstObserved + 40, 250, N - 3])(
    'observations up to bar %i are bitwise unchanged when every later bar is replaced',
    (t) => {
      const perturbed = observeAll(withFutureReplaced(base, t, createRng(900 + t)));
      for (let bar = firstObserved; bar <= t; bar++) {
        const a = new Uint32Array(baseObservations.get(bar)!.buffer);
        const b = new Uint32Array(perturbed.get(bar)!.buffer);
        expect(Array.from(b), `observation of bar ${bar}`).toEqual(Array.from(a));
      }
      // The perturbation is real: the first observation after t changes.
      expect(Array.from(perturbed.get(t + 1)!)).not.toEqual(Array.from(baseObservations.get(t + 1)!));
    },
  );
});
