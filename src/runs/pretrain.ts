import path from 'node:path';
import { createRng } from '../core/rng.js';
import { DEFAULT_ACTION_LEVELS } from '../market/action-levels.js';
import { ActorCritic } from '../nn/actor-critic.js';
import { selectBackend } from '../nn/backend.js';
import { loadCheckpoint, readTrainerState } from '../nn/model-store.js';
import { loadMarket, type Market } from './load-market.js';
import { toMarketSource, type MarketArgument } from './market-source.js';
import { readTrainingRecord } from './training-record.js';
import { runTrainingSession, type ResumedProgress, type TrainingOutcome, type TrainingRunOptions } from './training-session.js';
import type { TrainingSettings } from './training-settings.js';

/** What `tradegym pretrain` trains: full PPO of a fresh policy on a pool of source markets. */
export interface PretrainRequest extends TrainingSettings {
  /** Market arguments (CSV paths, `sample:<name>`, `synthetic:…`, or sources; see `parseMarketSource`). CSV paths are stored absolute. */
  markets: MarketArgument[];
  /** Checkpoint directory to write (kind `base`). */
  out: string;
  /** Hidden widths of the actor MLP (the CLI default is [128, 128]). */
  actorHidden: number[];
  /** Hidden widths of the critic MLP. */
  criticHidden: number[];
}

/** Changes allowed when resuming: a larger budget, another output directory. */
export interface ResumeChanges {
  steps?: number;
  out?: string;
}

/**
 * Pretrains a base policy: a fresh actor-critic (seeded orthogonal init, `rng.fork('policy')`)
 * trained with full PPO on a `VectorEnv` whose envs each draw episodes from the pool of
 * markets (their first `trainFraction` of bars), then saved as a `base` checkpoint in
 * `request.out`. A stop request (Ctrl-C) ends training after the current update and still
 * writes the checkpoint, marked `stopped`, which {@link resumePretrain} continues.
 */
export async function runPretrain(request: PretrainRequest, options: TrainingRunOptions = {}): Promise<TrainingOutcome> {
  const normalized: PretrainRequest = { ...request, markets: request.markets.map(absoluteCsv) };
  const markets = await loadMarkets(normalized.markets, options);
  await selectBackend(options.backend ?? 'auto', options.hooks?.log);
  const policy = ActorCritic.create({
    observationSize: markets[0]!.features.dim,
    actionCount: (normalized.actionLevels ?? DEFAULT_ACTION_LEVELS).length,
    actorHidden: normalized.actorHidden,
    criticHidden: normalized.criticHidden,
  }, createRng(normalized.seed).fork('policy'));
  return trainAndSave(normalized, markets, policy, undefined, options);
}

/**
 * Continues a pretraining checkpoint (`tradegym pretrain --resume <dir>`). Restored: the
 * weights, the request (markets, settings, seed) and the progress (updates and env steps
 * done), so learning-rate/clip schedules and the per-update RNG streams (`rollout/k`,
 * `minibatches/k`, forks of the seed) continue where they stopped, and `trainer-state.bin` gives
 * Adam's step count and moments and every action taken, through which fresh envs are re-driven
 * to the exact state they had (episodes in progress, randomised conditions, curriculum stage).
 * The resumed run is then bitwise identical to an uninterrupted one on the same backend. A
 * checkpoint without that file (older versions) resumes with Adam restarted and re-seeded envs.
 */
export async function resumePretrain(dir: string, changes: ResumeChanges = {}, options: TrainingRunOptions = {}): Promise<TrainingOutcome> {
  await selectBackend(options.backend ?? 'auto', options.hooks?.log);
  const { policy, manifest } = await loadCheckpoint(dir);
  let prepared: { request: PretrainRequest; markets: Market[]; previous: ResumedProgress };
  try {
    const record = readTrainingRecord<PretrainRequest>(manifest, 'pretrain', dir);
    const request: PretrainRequest = { ...record.request, steps: changes.steps ?? record.request.steps, out: changes.out ?? dir };
    const trainerState = await readTrainerState(dir, manifest);
    prepared = { request, markets: await loadMarkets(request.markets, options), previous: { progress: record.progress, trainerState } };
  } catch (error) {
    policy.dispose();
    throw error;
  }
  return trainAndSave(prepared.request, prepared.markets, policy, prepared.previous, options);
}

async function trainAndSave(
  request: PretrainRequest,
  markets: Market[],
  policy: ActorCritic,
  previous: ResumedProgress | undefined,
  options: TrainingRunOptions,
): Promise<TrainingOutcome> {
  try {
    return await runTrainingSession({
      command: 'pretrain',
      request,
      out: request.out,
      markets,
      policy,
      kind: 'base',
      ...(previous !== undefined && { previous }),
      title: `pretrain on ${markets.map((m) => m.label).join(', ')}`,
      options,
    });
  } finally {
    policy.dispose();
  }
}

/** Loads every market (features cached on disk). */
export async function loadMarkets(markets: readonly MarketArgument[], options: TrainingRunOptions = {}): Promise<Market[]> {
  const loaded: Market[] = [];
  for (const market of markets) {
    loaded.push(await loadMarket(toMarketSource(market), options.featureCacheDir === undefined ? {} : { featureCacheDir: options.featureCacheDir }));
  }
  return loaded;
}

/** A market with its CSV path made absolute (so a recorded request resumes from any directory); other forms unchanged. */
export function absoluteCsv(market: MarketArgument): MarketArgument {
  const source = toMarketSource(market);
  if (source.kind !== 'csv') return market;
  return typeof market === 'string' ? path.resolve(source.path) : { ...source, path: path.resolve(source.path) };
}
