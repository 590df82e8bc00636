import { basename, resolve } from 'node:path';
import type { Strategy } from '../src/backtest/strategy.js';
import type { CheckpointManifest } from '../src/nn/checkpoint-manifest.js';
import { loadCheckpoint } from '../src/nn/model-store.js';
import { policyStrategy } from './policy-strategy.js';

/** Where a policy strategy's checkpoint lives and how it acts. */
export interface PolicyCheckpointSpec {
  /** Checkpoint directory: base, merged, or adapter (then `base` is required). */
  readonly checkpoint: string;
  /** Base checkpoint directory an adapter applies to. */
  readonly base?: string;
  /** Arg-max (default true) or seeded sampling. */
  readonly greedy?: boolean;
  /** Strategy name; default "policy:<folder name>". */
  readonly name?: string;
}

/** A loaded policy strategy with its checkpoint manifest (parameter counts, training data, …). */
export interface LoadedPolicyStrategy {
  readonly strategy: Strategy;
  readonly manifest: CheckpointManifest;
  /** Trainable parameters of the loaded policy (adapter-only for an adapter checkpoint). */
  readonly trainableParams: number;
}

/**
 * Loads a checkpoint through the nn model store (checksums, shapes and the adapter's base
 * fingerprint are verified there) and wraps it in a {@link policyStrategy} that owns the
 * policy: call `strategy.dispose()` when done. A tfjs backend must already be selected.
 * @throws TradegymError `E_CHECKPOINT` for a missing, corrupt or mismatched checkpoint.
 */
export async function loadPolicyStrategy(spec: PolicyCheckpointSpec): Promise<LoadedPolicyStrategy> {
  const dir = resolve(spec.checkpoint);
  const { policy, manifest } = await loadCheckpoint(dir, spec.base === undefined ? {} : { baseDir: resolve(spec.base) });
  const strategy = policyStrategy({
    policy,
    name: spec.name ?? `policy:${basename(dir)}`,
    greedy: spec.greedy ?? true,
    observationNames: manifest.featureNames,
    actionLevels: manifest.actionLevels,
    ownsPolicy: true,
  });
  return { strategy, manifest, trainableParams: manifest.parameters.trainable };
}
