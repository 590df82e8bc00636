import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { VectorEnv } from '../rl/vector-env.js';
import { TradingEnv } from '../../envs/trading-env.js';
import { median } from './bench-timing.js';

/** Figures of the environment benchmark. */
export interface EnvBenchResult {
  /** Median steps/s of one TradingEnv with random actions (default reward, default costs). */
  envStepsPerSec: number;
  /** Median env steps/s (summed over envs) of a VectorEnv of 8 TradingEnvs with random actions. */
  vecEnvStepsPerSec: number;
}

/**
 * Steps a TradingEnv (training mode, 1,000-step episodes with seeded random starts, resets
 * included) with pre-drawn random actions, so the figure measures the env, not the sampler.
 * Each measurement runs `steps` steps; the median of `repeats` is reported.
 */
export function benchEnv(series: BarSeries, features: FeatureMatrix, steps: number, repeats: number): EnvBenchResult {
  const actions = new Int32Array(steps);
  const rng = createRng(2);
  for (let i = 0; i < steps; i++) actions[i] = rng.int(5);
  const single: number[] = [];
  const vector: number[] = [];
  for (let r = 0; r < repeats; r++) {
    single.push(singleEnvStepsPerSec(series, features, actions));
    vector.push(vecEnvStepsPerSec(series, features, actions, 8));
  }
  return { envStepsPerSec: median(single), vecEnvStepsPerSec: median(vector) };
}

function makeEnv(series: BarSeries, features: FeatureMatrix, seed: number): TradingEnv {
  return new TradingEnv({ bars: series, features, mode: 'train', episodeLength: 1000, seed });
}

function singleEnvStepsPerSec(series: BarSeries, features: FeatureMatrix, actions: Int32Array): number {
  const env = makeEnv(series, features, 0);
  env.reset({ seed: 0 });
  const start = performance.now();
  for (let i = 0; i < actions.length; i++) {
    const result = env.step(actions[i]!);
    if (result.terminated || result.truncated) env.reset();
  }
  return actions.length / ((performance.now() - start) / 1000);
}

function vecEnvStepsPerSec(series: BarSeries, features: FeatureMatrix, actions: Int32Array, numEnvs: number): number {
  const vec = new VectorEnv(numEnvs, (i) => makeEnv(series, features, i));
  vec.reset(0);
  const batch = new Int32Array(numEnvs);
  const iterations = Math.floor(actions.length / numEnvs);
  const start = performance.now();
  for (let k = 0; k < iterations; k++) {
    batch.set(actions.subarray(k * numEnvs, (k + 1) * numEnvs));
    vec.step(batch);
  }
  return (iterations * numEnvs) / ((performance.now() - start) / 1000);
}
