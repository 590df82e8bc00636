import { TradegymError } from '../core/errors.js';
import { ACTIVATIONS, type Activation, isActivation } from './activation.js';
import { type LayerPlan, type ResolvedLayerPlan, resolveLayerPlan } from './layer-plan.js';
import { denseLayerName } from './mlp.js';

/** The network shape of an actor-critic (serialised into checkpoint manifests). */
export interface ActorCriticConfig {
  /** Observation length (20 for the default trading state). */
  observationSize: number;
  /** Number of discrete actions (5 target exposures by default). */
  actionCount: number;
  /** Hidden widths of the policy MLP (default [128, 128]). */
  actorHidden: readonly number[];
  /** Hidden widths of the value MLP (default [128, 128]). */
  criticHidden: readonly number[];
  /** Hidden activation (default tanh). */
  activation: Activation;
}

/** Which dense layers of one MLP get adapters: hidden ones, all incl. the head, none, or indices (head = hidden count). */
export type LayerSelection = 'hidden' | 'all' | 'none' | readonly number[];

/**
 * Fine-tuning set-up. Base weights are frozen; selected layers get LoRA adapters of rank `rank`
 * with scale α/r (rank 0: the selected layers are trained in full instead, i.e. plain trainable
 * dense layers). Heads without adapters are frozen unless `heads` is `trainable`.
 */
export interface LoraOptions {
  rank: number;
  alpha: number;
  /** Default `hidden`. */
  actorLayers?: LayerSelection;
  /** Default `hidden`. */
  criticLayers?: LayerSelection;
  /** Default `frozen`: adapter checkpoints then hold A and B only. */
  heads?: 'frozen' | 'trainable';
  /** Per-layer roles overriding the selections above for the layers it names (layered fine-tuning). */
  layers?: LayerPlan;
}

/** `LoraOptions` with defaults applied and layer selections resolved to sorted indices. */
export interface ResolvedLora {
  rank: number;
  alpha: number;
  actorLayers: number[];
  criticLayers: number[];
  heads: 'frozen' | 'trainable';
  /** Per-layer roles (present only when the options gave a plan). */
  layers?: ResolvedLayerPlan;
}

/** What fine-tuning does to one dense layer. */
export interface FineTuneRole {
  /** Gets a LoRA adapter (rank > 0 and selected). */
  adapter: boolean;
  /** Its base kernel and bias are trained (selected at rank 0, or a head with `heads: trainable`). */
  baseTrainable: boolean;
  /** The adapter's rank (meaningful when `adapter`). */
  rank: number;
  /** The adapter's α (meaningful when `adapter`). */
  alpha: number;
}

/**
 * The fine-tune role of layer `index` (head = `hiddenCount`) of the actor or critic; the single
 * rule shared by `ActorCritic.attachAdapters` and the checkpoint weight layout.
 */
export function fineTuneRole(lora: ResolvedLora, network: 'actor' | 'critic', index: number, hiddenCount: number): FineTuneRole {
  const planned = lora.layers?.[denseLayerName(network, index, hiddenCount)];
  if (planned !== undefined) {
    if (typeof planned === 'object') return { adapter: true, baseTrainable: false, rank: planned.rank, alpha: planned.alpha };
    return { adapter: false, baseTrainable: planned === 'full', rank: 0, alpha: lora.alpha };
  }
  const chosen = (network === 'actor' ? lora.actorLayers : lora.criticLayers).includes(index);
  const isHead = index === hiddenCount;
  return {
    adapter: chosen && lora.rank > 0,
    baseTrainable: (chosen && lora.rank === 0) || (isHead && lora.heads === 'trainable'),
    rank: lora.rank,
    alpha: lora.alpha,
  };
}

/** Defaults of `ActorCriticConfig` (CleanRL / SB3 PPO defaults for discrete control). */
export const DEFAULT_NETWORK = { actorHidden: [128, 128], criticHidden: [128, 128], activation: 'tanh' } as const;

/** Validates user-facing network options and fills defaults; throws `E_BAD_CONFIG`. */
export function resolveActorCriticConfig(
  options: Pick<ActorCriticConfig, 'observationSize' | 'actionCount'> & Partial<ActorCriticConfig>,
): ActorCriticConfig {
  const config: ActorCriticConfig = {
    observationSize: options.observationSize,
    actionCount: options.actionCount,
    actorHidden: [...(options.actorHidden ?? DEFAULT_NETWORK.actorHidden)],
    criticHidden: [...(options.criticHidden ?? DEFAULT_NETWORK.criticHidden)],
    activation: options.activation ?? DEFAULT_NETWORK.activation,
  };
  requirePositiveInt(config.observationSize, 'observationSize');
  requirePositiveInt(config.actionCount, 'actionCount');
  if (config.actionCount < 2) badConfig('actionCount', config.actionCount, 'at least 2 actions');
  config.actorHidden.forEach((w, i) => requirePositiveInt(w, `actorHidden[${i}]`));
  config.criticHidden.forEach((w, i) => requirePositiveInt(w, `criticHidden[${i}]`));
  if (!isActivation(config.activation)) badConfig('activation', config.activation, `one of ${ACTIVATIONS.join(', ')}`);
  return config;
}

/** Validates LoRA options against a network's depth; throws `E_BAD_CONFIG`. */
export function resolveLoraOptions(options: LoraOptions, config: ActorCriticConfig): ResolvedLora {
  if (!Number.isInteger(options.rank) || options.rank < 0) badConfig('lora.rank', options.rank, 'an integer ≥ 0');
  if (!(Number.isFinite(options.alpha) && options.alpha > 0)) badConfig('lora.alpha', options.alpha, 'a number > 0');
  const heads = options.heads ?? 'frozen';
  if (heads !== 'frozen' && heads !== 'trainable') badConfig('lora.heads', heads, '"frozen" or "trainable"');
  return {
    rank: options.rank,
    alpha: options.alpha,
    actorLayers: resolveSelection(options.actorLayers ?? 'hidden', config.actorHidden.length, 'lora.actorLayers'),
    criticLayers: resolveSelection(options.criticLayers ?? 'hidden', config.criticHidden.length, 'lora.criticLayers'),
    heads,
    ...(options.layers !== undefined && { layers: resolveLayerPlan(options.layers, denseLayerNames(config), options.alpha) }),
  };
}

/** Names of every dense layer of the network, in order (actor hidden…, head, critic hidden…, head). */
export function denseLayerNames(config: ActorCriticConfig): string[] {
  const names = (network: string, hidden: number) => Array.from({ length: hidden + 1 }, (_, i) => denseLayerName(network, i, hidden));
  return [...names('actor', config.actorHidden.length), ...names('critic', config.criticHidden.length)];
}

function resolveSelection(selection: LayerSelection, hiddenCount: number, field: string): number[] {
  if (selection === 'none') return [];
  if (selection === 'hidden') return Array.from({ length: hiddenCount }, (_, i) => i);
  if (selection === 'all') return Array.from({ length: hiddenCount + 1 }, (_, i) => i);
  if (!Array.isArray(selection)) badConfig(field, selection, '"hidden", "all", "none" or a list of layer indices');
  for (const i of selection) {
    if (!Number.isInteger(i) || i < 0 || i > hiddenCount) {
      badConfig(field, i, `layer indices in 0..${hiddenCount} (${hiddenCount} = the head)`);
    }
  }
  return [...new Set(selection)].sort((a, b) => a - b);
}

function requirePositiveInt(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) badConfig(field, value, 'a positive integer');
}

function badConfig(field: string, value: unknown, expected: string): never {
  throw new TradegymError(
    'E_BAD_CONFIG',
    `Invalid network option ${field} = ${JSON.stringify(value)}: expected ${expected}.`,
    { column: field, value: String(value) },
  );
}
