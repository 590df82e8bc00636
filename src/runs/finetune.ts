import path from 'node:path';
import { TradegymError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { ActorCritic } from '../nn/actor-critic.js';
import { selectBackend } from '../nn/backend.js';
import type { CheckpointManifest } from '../nn/checkpoint-manifest.js';
import { loadCheckpoint, readManifest, readTrainerState } from '../nn/model-store.js';
import type { Market } from './load-market.js';
import type { MarketArgument } from './market-source.js';
import { absoluteCsv, loadMarkets, type ResumeChanges } from './pretrain.js';
import { readTrainingRecord } from './training-record.js';
import { runTrainingSession, type ResumedProgress, type TrainingOutcome, type TrainingRunOptions } from './training-session.js';
import type { TrainingSettings } from './training-settings.js';

/** What `tradegym finetune` trains: LoRA adapters (or, at rank 0, every layer) of a base policy on a target market. */
export interface FinetuneRequest extends TrainingSettings {
  /** Base (or merged) checkpoint directory to start from; stored absolute. */
  base: string;
  /** Target market (see `parseMarketSource`); training uses its first `trainFraction` of bars (or those before `trainEnd`). */
  market: MarketArgument;
  /** Adapter checkpoint directory to write. */
  out: string;
  /** LoRA rank r; 0 = full fine-tune (every layer trainable, heads included). */
  rank: number;
  /** LoRA α; the update is scaled by α / r. */
  alpha: number;
  /** Weight of the KL(π‖π_base) penalty; 0 = none (KL is still logged as drift). */
  klCoef: number;
  /** Train the policy and value heads too (default frozen: the adapter then holds A and B only). */
  heads: 'frozen' | 'trainable';
}

/**
 * Fine-tunes a base policy on a target market: loads the base, freezes it, attaches LoRA
 * adapters to the hidden layers of actor and critic (A from `rng.fork('lora')`, B = 0, so the
 * policy equals the base at step 0), and trains them with PPO on the target's training range,
 * with the frozen base as the reference of the KL penalty. Default learning rate 1e-3 for
 * adapters (3e-4 at rank 0), unless `ppo.learningRate` is given. Saves an `adapter`
 * checkpoint: only the trained weights plus the base's fingerprint (`tradegym merge` folds
 * them into a standalone checkpoint). Stop/resume as in `runPretrain`.
 */
export async function runFinetune(request: FinetuneRequest, options: TrainingRunOptions = {}): Promise<TrainingOutcome> {
  const normalized: FinetuneRequest = { ...request, base: path.resolve(request.base), market: absoluteCsv(request.market) };
  const [market] = await loadMarkets([normalized.market], options);
  await selectBackend(options.backend ?? 'auto', options.hooks?.log);
  const baseManifest = await readManifest(normalized.base);
  const prepared = checkBase(normalized, baseManifest, market!);
  const { policy } = await loadCheckpoint(normalized.base);
  try {
    const all = prepared.rank === 0 ? 'all' : 'hidden';
    const layers = prepared.knowledge?.layers;
    policy.attachAdapters({ rank: prepared.rank, alpha: prepared.alpha, actorLayers: all, criticLayers: all, heads: prepared.heads, ...(layers !== undefined && { layers }) }, createRng(prepared.seed).fork('lora'));
  } catch (error) {
    policy.dispose();
    throw error;
  }
  return trainAndSave(prepared, market!, policy, undefined, options, baseManifest);
}

/** Continues a fine-tuning checkpoint (`tradegym finetune --resume <dir>`); what is restored is as in `resumePretrain`. */
export async function resumeFinetune(dir: string, changes: ResumeChanges = {}, options: TrainingRunOptions = {}): Promise<TrainingOutcome> {
  await selectBackend(options.backend ?? 'auto', options.hooks?.log);
  const manifest = await readManifest(dir);
  const record = readTrainingRecord<FinetuneRequest>(manifest, 'finetune', dir);
  const trainerState = await readTrainerState(dir, manifest);
  const request: FinetuneRequest = { ...record.request, steps: changes.steps ?? record.request.steps, out: changes.out ?? dir };
  const [market] = await loadMarkets([request.market], options);
  const { policy } = await loadCheckpoint(dir, { baseDir: request.base });
  return trainAndSave(request, market!, policy, { progress: record.progress, trainerState }, options, await readManifest(request.base));
}

async function trainAndSave(
  request: FinetuneRequest,
  market: Market,
  policy: ActorCritic,
  previous: ResumedProgress | undefined,
  options: TrainingRunOptions,
  baseManifest: CheckpointManifest,
): Promise<TrainingOutcome> {
  const ppo = { learningRate: request.rank > 0 ? 1e-3 : 3e-4, klCoef: request.klCoef, ...request.ppo };
  try {
    return await runTrainingSession({
      command: 'finetune',
      request: { ...request, ppo },
      out: request.out,
      markets: [market],
      policy,
      kind: 'adapter',
      referenceLogProbs: (observations) => policy.baseLogProbs(observations),
      ...(previous !== undefined && { previous }),
      title: `${request.rank > 0 ? `LoRA r=${request.rank}` : 'full'} fine-tune on ${market.label}`,
      options,
      base: { dir: request.base, manifest: baseManifest },
    });
  } finally {
    policy.dispose();
  }
}

/** The request with the base's action levels, after checking the base fits the market's observation. */
function checkBase(request: FinetuneRequest, manifest: CheckpointManifest, market: Market): FinetuneRequest {
  if (manifest.kind === 'adapter') {
    throw new TradegymError('E_CHECKPOINT', `${request.base} is an adapter checkpoint; fine-tune a base or merged checkpoint (merge the adapter first with tradegym merge).`, { file: request.base });
  }
  if (manifest.featureNames.join() !== market.features.names.join()) {
    throw new TradegymError('E_CHECKPOINT',
      `${request.base} observes [${manifest.featureNames.join(', ')}] but ${market.label} gives [${market.features.names.join(', ')}]; fine-tune with the feature set the base was trained on.`,
      { file: request.base });
  }
  if (request.actionLevels !== undefined && request.actionLevels.join() !== manifest.actionLevels.join()) {
    throw new TradegymError('E_BAD_CONFIG', `action levels [${request.actionLevels.join(', ')}] differ from the base's [${manifest.actionLevels.join(', ')}]; a fine-tune keeps the base's actions.`);
  }
  return { ...request, actionLevels: [...manifest.actionLevels] };
}
