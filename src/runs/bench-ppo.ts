import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TradingEnv } from '../../envs/trading-env.js';
import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import { computeFeatures } from '../features/compute-features.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { ActorCritic } from '../nn/actor-critic.js';
import { selectBackend, type BackendName, type BackendPreference } from '../nn/backend.js';
import type { AdamPlacement } from '../ppo/create-adam.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import { PpoTrainer } from '../ppo/ppo-trainer.js';
import { VectorEnv } from '../rl/vector-env.js';

/** Options of `benchPpo`. */
export interface PpoBenchOptions {
  /** Timed env steps (rounded up to whole updates of 8 × 256); default 51,200 (25 updates). */
  steps?: number;
  /** Backend preference; default `auto` (the one the product would pick). */
  backend?: BackendPreference;
  /** Market to trade; default a 5,000-bar synthetic regime-GARCH series (seed 1). */
  series?: BarSeries;
  /** Its features; computed when omitted. */
  features?: FeatureMatrix;
  seed?: number;
  /** Where Adam runs (default `auto`: host on wasm/cpu); for comparing the two implementations. */
  optimizer?: AdamPlacement;
}

/** Figures of the PPO benchmark. */
export interface PpoBenchResult {
  /** Env steps per second end to end (rollout + optimisation), summed over envs. */
  ppoStepsPerSec: number;
  ppoBackend: BackendName;
  totalSteps: number;
  updates: number;
  wallSeconds: number;
  /** CPU seconds (user + system) this process used in the timed part; ≈ wallSeconds on an idle machine. */
  cpuSeconds: number;
  /** Env steps per CPU second: the load-independent figure on a shared machine (tfjs-wasm is single-threaded). */
  ppoStepsPerCpuSecond: number;
  /** Seconds collecting rollouts (policy forward passes + env steps + GAE). */
  rolloutSeconds: number;
  /** Seconds in epochs × minibatches (gradients + Adam). */
  updateSeconds: number;
  rolloutStepsPerSec: number;
  /** Mean wall milliseconds per gradient step (minibatch 256), Adam step included. */
  msPerGradientStep: number;
  gradientSteps: number;
  /** The reference figure this is compared with (SB3 + PyTorch CPU, PERF-NOTES.md). */
  referenceStepsPerSec: number;
}

/** The benchmark's PPO settings: SB3-style 8 envs × 256 steps, minibatch 256, 10 epochs. */
export const BENCH_PPO_CONFIG: Partial<PpoConfig> = {
  nSteps: 256,
  minibatchSize: 256,
  nEpochs: 10,
  gamma: 0.99,
  gaeLambda: 0.95,
  learningRate: 3e-4,
  clipRange: 0.2,
  entCoef: 0.01,
  maxGradNorm: 0.5,
};

const N_ENVS = 8;

/**
 * Times PPO (arXiv:1707.06347) on TradingEnv with separate [128, 128] tanh actor and critic,
 * 8 envs × 256 steps, minibatch 256, 10 epochs — the settings behind the ≈2,000 steps/s of
 * stable-baselines3 + PyTorch on CPU (PERF-NOTES.md). One untimed warm-up update runs first
 * (kernel set-up); the timed updates report the rollout/optimisation split.
 */
export async function benchPpo(options: PpoBenchOptions = {}): Promise<PpoBenchResult> {
  const ppoBackend = await selectBackend(options.backend ?? 'auto', () => undefined);
  const series = options.series ?? generateSyntheticMarket({ bars: 5000, symbol: 'BENCH' }, createRng(1)).series;
  const features = options.features ?? computeFeatures(series);
  const seed = options.seed ?? 0;
  const updates = Math.ceil((options.steps ?? 51_200) / (N_ENVS * 256));
  const env = new VectorEnv(N_ENVS, (i) => new TradingEnv({ bars: series, features, mode: 'train', episodeLength: 1000, seed: seed * 1000 + i }));
  const policy = ActorCritic.create({ observationSize: env.obsDim, actionCount: env.actionSpace.n, actorHidden: [128, 128], criticHidden: [128, 128], activation: 'tanh' }, createRng(seed).fork('policy'));
  const trainer = new PpoTrainer({ policy, env, optimizer: options.optimizer, config: { ...BENCH_PPO_CONFIG, totalSteps: (updates + 1) * N_ENVS * 256, seed } });
  try {
    trainer.runUpdate();
    let rolloutSeconds = 0;
    let updateSeconds = 0;
    let gradientSteps = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let k = 0; k < updates; k++) {
      const stats = trainer.runUpdate();
      rolloutSeconds += stats.rolloutSeconds;
      updateSeconds += stats.updateSeconds;
      gradientSteps += (stats.epochsRun * trainer.buffer.size) / trainer.config.minibatchSize;
    }
    const wallSeconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const totalSteps = updates * trainer.buffer.size;
    return {
      ppoStepsPerSec: totalSteps / wallSeconds,
      ppoBackend,
      totalSteps,
      updates,
      wallSeconds,
      cpuSeconds,
      ppoStepsPerCpuSecond: totalSteps / cpuSeconds,
      rolloutSeconds,
      updateSeconds,
      rolloutStepsPerSec: totalSteps / rolloutSeconds,
      msPerGradientStep: (1000 * updateSeconds) / gradientSteps,
      gradientSteps,
      referenceStepsPerSec: 2000,
    };
  } finally {
    trainer.dispose();
    policy.dispose();
    env.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      steps: { type: 'string', default: '51200' },
      backend: { type: 'string', default: 'auto' },
      optimizer: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await benchPpo({ steps: Number(values.steps), backend: values.backend as BackendPreference, optimizer: values.optimizer as AdamPlacement });
  console.log(
    `PPO on TradingEnv (${result.ppoBackend}): ${result.ppoStepsPerSec.toFixed(0)} steps/s (${result.ppoStepsPerCpuSecond.toFixed(0)} per CPU second) over ${result.totalSteps} steps ` +
      `(rollout ${result.rolloutSeconds.toFixed(2)} s, update ${result.updateSeconds.toFixed(2)} s, ${result.msPerGradientStep.toFixed(2)} ms per gradient step); ` +
      `reference SB3+PyTorch CPU ≈ ${result.referenceStepsPerSec}`,
  );
  if (values.json) console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
