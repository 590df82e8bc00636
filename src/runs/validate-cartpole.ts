import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CartPoleEnv } from '../../envs/cartpole.js';
import { TradegymError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { ActorCritic } from '../nn/actor-critic.js';
import { selectBackend, type BackendPreference } from '../nn/backend.js';
import type { PpoConfig } from '../ppo/ppo-config.js';
import { PpoTrainer } from '../ppo/ppo-trainer.js';
import { VectorEnv } from '../rl/vector-env.js';

/** CartPole-v1 is "solved" when the mean return of the last 100 episodes reaches this. */
export const CARTPOLE_SOLVED_RETURN = 475;

/**
 * rl-baselines3-zoo's tuned PPO for CartPole-v1 (hyperparams/ppo.yml): 8 envs, n_steps 32,
 * batch 256, γ 0.98, λ 0.8, 20 epochs, lr 1e-3 → 0 and clip 0.2 → 0 linearly, no entropy
 * bonus, 100k steps; the network is SB3's separate [64, 64] tanh actor and critic.
 */
export const ZOO_CARTPOLE_PPO: Partial<PpoConfig> = {
  totalSteps: 100_000,
  nSteps: 32,
  minibatchSize: 256,
  nEpochs: 20,
  gamma: 0.98,
  gaeLambda: 0.8,
  learningRate: 1e-3,
  annealLearningRate: true,
  clipRange: 0.2,
  annealClipRange: true,
  entCoef: 0,
};

/** Outcome of one seed. */
export interface CartPoleSeedResult {
  seed: number;
  /** First env step at which the last-100-episode mean reached 475 (with 100 episodes done), else null. */
  solvedAtStep: number | null;
  wallSeconds: number;
  /** Last-100-episode mean return at the end of training. */
  finalMeanReturn: number | null;
  episodes: number;
  stepsPerSec: number;
}

/** Options of `validateCartPole`. */
export interface ValidateCartPoleOptions {
  seeds: number[];
  /** Env-step budget per seed (default 100k). */
  totalSteps?: number;
  /** Stop a seed as soon as it is solved (default false: train the whole budget). */
  stopWhenSolved?: boolean;
  onLine?: (line: string) => void;
}

/**
 * Trains PPO (arXiv:1707.06347) on CartPole-v1 once per seed with the zoo settings and reports
 * when each run first reached a 100-episode mean of 475 — the standard proof that the PPO
 * implementation matches stable-baselines3 (which needs ≈64k–71k steps, PERF-NOTES.md).
 */
export async function validateCartPole(options: ValidateCartPoleOptions): Promise<CartPoleSeedResult[]> {
  const results: CartPoleSeedResult[] = [];
  for (const seed of options.seeds) {
    const result = await runSeed(seed, options);
    options.onLine?.(
      `seed ${seed}: solved at ${result.solvedAtStep ?? 'never'} steps, final mean return ${result.finalMeanReturn?.toFixed(1)}, ` +
        `${result.wallSeconds.toFixed(1)} s (${result.stepsPerSec.toFixed(0)} steps/s)`,
    );
    results.push(result);
  }
  return results;
}

async function runSeed(seed: number, options: ValidateCartPoleOptions): Promise<CartPoleSeedResult> {
  const env = new VectorEnv(8, (i) => new CartPoleEnv({ seed: 1000 * seed + i }));
  const policy = ActorCritic.create(
    { observationSize: 4, actionCount: 2, actorHidden: [64, 64], criticHidden: [64, 64], activation: 'tanh' },
    createRng(seed).fork('policy'),
  );
  let solvedAtStep: number | null = null;
  const trainer = new PpoTrainer({
    policy,
    env,
    config: { ...ZOO_CARTPOLE_PPO, totalSteps: options.totalSteps ?? 100_000, seed },
    onEpisode: () => {
      const ring = env.recentEpisodes;
      if (solvedAtStep === null && ring.size === ring.capacity && ring.meanReturn()! >= CARTPOLE_SOLVED_RETURN) {
        solvedAtStep = env.totalSteps;
        if (options.stopWhenSolved) trainer.requestStop();
      }
    },
  });
  const start = performance.now();
  const { totalSteps } = await trainer.train();
  const wallSeconds = (performance.now() - start) / 1000;
  const result = {
    seed,
    solvedAtStep,
    wallSeconds,
    finalMeanReturn: env.recentEpisodes.meanReturn() ?? null,
    episodes: env.totalEpisodes,
    stepsPerSec: totalSteps / wallSeconds,
  };
  trainer.dispose();
  policy.dispose();
  env.close();
  return result;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string', default: '0,1,2' },
      steps: { type: 'string', default: '100000' },
      backend: { type: 'string', default: 'auto' },
      'stop-when-solved': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const seeds = values.seeds.split(',').map((s) => Number(s.trim()));
  const totalSteps = Number(values.steps);
  if (seeds.some((s) => !Number.isInteger(s)) || !Number.isInteger(totalSteps) || totalSteps < 1) {
    throw new TradegymError('E_BAD_ARGUMENT', `--seeds must be comma-separated integers and --steps a positive integer (got "${values.seeds}", "${values.steps}").`);
  }
  const backend = await selectBackend(values.backend as BackendPreference);
  const results = await validateCartPole({ seeds, totalSteps, stopWhenSolved: values['stop-when-solved'], onLine: (l) => console.log(l) });
  const allSolved = results.every((r) => r.solvedAtStep !== null);
  console.log(`CartPole-v1: ${results.filter((r) => r.solvedAtStep !== null).length}/${results.length} seeds solved within ${totalSteps} steps`);
  if (values.json) console.log(JSON.stringify({ env: 'CartPole-v1', backend, totalSteps, solvedReturn: CARTPOLE_SOLVED_RETURN, allSolved, seeds: results }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
