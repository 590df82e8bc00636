import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.js';
import type { Policy } from '../nn/policy.js';
import type { VectorEnv } from '../rl/vector-env.js';
import type { RolloutBuffer } from './rollout-buffer.js';

/** Per-episode callback: env index, undiscounted return, length in steps. */
export type EpisodeListener = (envIndex: number, episodeReturn: number, length: number) => void;

/** Scratch space reused across rollouts (no allocation per step). */
export interface RolloutScratch {
  /** Final observations of the envs truncated in one step, packed row-major. */
  finalObservations: Float32Array;
  /** Env indices matching the packed rows. */
  finalEnvIndex: Int32Array;
}

/** Allocates the scratch space for `nEnvs` envs with observations of length `observationSize`. */
export function createRolloutScratch(nEnvs: number, observationSize: number): RolloutScratch {
  return { finalObservations: new Float32Array(nEnvs * observationSize), finalEnvIndex: new Int32Array(nEnvs) };
}

/**
 * Fills `buffer` with `buffer.nSteps` steps of every env in `env` (CleanRL's rollout phase):
 * one batched `policy.act` over all envs per step, sampling with `sampleRng`; truncated
 * episodes get V(final observation) recorded for bootstrapping (SB3's handling of
 * `terminal_observation`), computed greedily with `valueRng` so value queries never shift
 * the sampling stream. Returns V(s_T) of the observations after the last step.
 * `env` must have been reset; it keeps running across rollouts.
 */
export function collectRollout(
  policy: Policy,
  env: VectorEnv<object>,
  buffer: RolloutBuffer,
  scratch: RolloutScratch,
  rngs: { sampleRng: Rng; valueRng: Rng },
  onEpisode?: EpisodeListener,
): Float32Array {
  const n = env.numEnvs;
  for (let t = 0; t < buffer.nSteps; t++) {
    const act = policy.act(env.observations, n, rngs.sampleRng);
    buffer.recordAction(t, env.observations, act.actions, act.logProbs, act.values);
    env.step(act.actions);
    buffer.recordOutcome(t, env.rewards, env.terminated, env.truncated);
    recordTruncationValues(policy, env, buffer, scratch, t, rngs.valueRng);
    if (onEpisode) {
      for (let k = 0; k < env.completedCount; k++) {
        onEpisode(env.completedEnvIndex[k]!, env.completedReturns[k]!, env.completedLengths[k]!);
      }
    }
  }
  return policy.act(env.observations, n, rngs.valueRng, true).values;
}

function recordTruncationValues(policy: Policy, env: VectorEnv<object>, buffer: RolloutBuffer, scratch: RolloutScratch, t: number, rng: Rng): void {
  const d = env.obsDim;
  let count = 0;
  for (let e = 0; e < env.numEnvs; e++) {
    if (!env.truncated[e] || env.terminated[e]) continue;
    scratch.finalObservations.set(env.finalObservations.subarray(e * d, e * d + d), count * d);
    scratch.finalEnvIndex[count++] = e;
  }
  if (count === 0) return;
  const values = policy.act(scratch.finalObservations.subarray(0, count * d), count, rng, true).values;
  for (let k = 0; k < count; k++) buffer.recordFinalValue(t, scratch.finalEnvIndex[k]!, values[k]!);
}

/** log π_ref(k|s) for every action, [B, K], of a frozen reference policy (no gradient). */
export type ReferenceLogProbs = (observations: tf.Tensor2D) => tf.Tensor2D;

/**
 * Fills `buffer.referenceLogProbs` with the reference policy's log-probabilities of every
 * action at every rollout state, in one batched forward pass per rollout.
 */
export function recordReferenceLogProbs(reference: ReferenceLogProbs, buffer: RolloutBuffer): void {
  const logProbs = tf.tidy(() => reference(tf.tensor2d(buffer.observations, [buffer.size, buffer.observationSize])));
  if (logProbs.shape[0] !== buffer.size || logProbs.shape[1] !== buffer.actionCount) {
    logProbs.dispose();
    throw new RangeError(`reference log-probs have shape [${logProbs.shape.join(', ')}], expected [${buffer.size}, ${buffer.actionCount}]`);
  }
  buffer.referenceLogProbs.set(logProbs.dataSync());
  logProbs.dispose();
}
