import { TradegymError } from '../core/errors.js';
import { Box } from './box.js';
import { Discrete } from './discrete.js';
import type { Env } from './env.js';
import { EpisodeRing } from './episode-ring.js';

/** Builds the env for slot `index` (0-based) of a VectorEnv. */
export type EnvFactory<Info extends object> = (index: number) => Env<Float32Array, number, Info>;

/** Options of `VectorEnv`. */
export interface VectorEnvOptions {
  /** How many recently completed episodes `recentEpisodes` keeps (default 100). */
  recentEpisodes?: number;
}

/**
 * N copies of an env (`Box` observations, `Discrete` actions) stepped together, with batched,
 * preallocated typed-array outputs that are overwritten in place by every `reset`/`step`.
 *
 * **Autoreset (SB3 `VecEnv` / gymnasium ≥ 1.0 `AutoresetMode.SAME_STEP`).** When env i ends
 * during `step` (`terminated[i] || truncated[i]`):
 * - `rewards[i]`, `terminated[i]`, `truncated[i]` describe the step that ended the episode;
 * - `finalObservations` row i holds that step's observation s_T (copied), so a learner can
 *   bootstrap through truncation with V(s_T) — this is SB3's `info["terminal_observation"]`;
 * - `infos[i]` is a shallow copy of that step's info, taken before the reset;
 * - the env is reset at once (without a seed: it continues its own RNG stream) and
 *   `observations` row i holds the reset observation s_0 of the next episode, which is what
 *   the next action must be chosen from; `resetInfos[i]` holds the reset's info.
 * Rows of `finalObservations` where env i did not end are stale and must not be read.
 *
 * **Episode statistics.** Each env's running return (sum of rewards) and length are kept in
 * Float64/Int32 arrays. Episodes that end during a step are listed in `completedEnvIndex`,
 * `completedReturns`, `completedLengths` (first `completedCount` entries, in env order) and
 * pushed into the `recentEpisodes` ring. Stepping allocates nothing itself except the info
 * copy when an episode ends.
 */
export class VectorEnv<Info extends object = Record<string, unknown>> {
  readonly numEnvs: number;
  /** Length of one observation (the Box's size). */
  readonly obsDim: number;
  readonly envs: readonly Env<Float32Array, number, Info>[];
  /** The single env's observation space (every env has the same). */
  readonly observationSpace: Box;
  /** The single env's action space (every env has the same). */
  readonly actionSpace: Discrete;
  /** Current observations, row-major numEnvs × obsDim (after autoreset: the new episode's first). */
  readonly observations: Float32Array;
  /** Reward of the last step per env. */
  readonly rewards: Float32Array;
  /** 1 where the last step ended the episode by reaching a terminal state. */
  readonly terminated: Uint8Array;
  /** 1 where the last step ended the episode by an outside limit (time limit, end of data). */
  readonly truncated: Uint8Array;
  /** Last observation of each episode that ended in the last step, numEnvs × obsDim; valid only where done. */
  readonly finalObservations: Float32Array;
  /** Info of each env's last step (for envs that ended: a copy taken before the reset). */
  readonly infos: Info[];
  /** Info returned by each env's most recent reset. */
  readonly resetInfos: Info[];
  /** Sum of rewards of each env's episode in progress. */
  readonly episodeReturns: Float64Array;
  /** Steps taken in each env's episode in progress. */
  readonly episodeLengths: Int32Array;
  /** Env index of each episode completed in the last step (first `completedCount` entries). */
  readonly completedEnvIndex: Int32Array;
  /** Return of each episode completed in the last step. */
  readonly completedReturns: Float64Array;
  /** Length of each episode completed in the last step. */
  readonly completedLengths: Int32Array;
  /** The last `capacity` completed episodes across all envs. */
  readonly recentEpisodes: EpisodeRing;
  /** Number of episodes completed in the last step. */
  completedCount = 0;
  /** Episodes completed since construction. */
  totalEpisodes = 0;
  /** Env steps taken since construction (numEnvs per `step`). */
  totalSteps = 0;
  private started = false;

  /** @param numEnvs number of envs N; @param makeEnv called with 0 … N − 1. */
  constructor(numEnvs: number, makeEnv: EnvFactory<Info>, options: VectorEnvOptions = {}) {
    if (!Number.isInteger(numEnvs) || numEnvs < 1) {
      throw new TradegymError('E_BAD_ARGUMENT', `VectorEnv needs a positive integer number of envs, got ${numEnvs}.`);
    }
    this.numEnvs = numEnvs;
    this.envs = Array.from({ length: numEnvs }, (_, i) => makeEnv(i));
    [this.observationSpace, this.actionSpace] = commonSpaces(this.envs);
    const d = (this.obsDim = this.observationSpace.shape[0]);
    this.observations = new Float32Array(numEnvs * d);
    this.finalObservations = new Float32Array(numEnvs * d);
    this.rewards = new Float32Array(numEnvs);
    this.terminated = new Uint8Array(numEnvs);
    this.truncated = new Uint8Array(numEnvs);
    this.episodeReturns = new Float64Array(numEnvs);
    this.episodeLengths = new Int32Array(numEnvs);
    this.completedEnvIndex = new Int32Array(numEnvs);
    this.completedReturns = new Float64Array(numEnvs);
    this.completedLengths = new Int32Array(numEnvs);
    this.infos = new Array<Info>(numEnvs);
    this.resetInfos = new Array<Info>(numEnvs);
    this.recentEpisodes = new EpisodeRing(options.recentEpisodes ?? 100);
  }

  /**
   * Resets every env — env i with seed `seed + i` when a seed is given, else continuing its own
   * stream — fills `observations`, clears flags and the running episode statistics (episodes in
   * progress are discarded, not recorded). Returns the `observations` buffer.
   */
  reset(seed?: number): Float32Array {
    for (let i = 0; i < this.numEnvs; i++) {
      const result = this.envs[i]!.reset(seed === undefined ? {} : { seed: seed + i });
      this.writeRow(this.observations, i, result.observation);
      this.resetInfos[i] = result.info;
      this.infos[i] = result.info;
    }
    this.rewards.fill(0);
    this.terminated.fill(0);
    this.truncated.fill(0);
    this.episodeReturns.fill(0);
    this.episodeLengths.fill(0);
    this.completedCount = 0;
    this.started = true;
    return this.observations;
  }

  /**
   * Steps env i with `actions[i]` for every i, autoresetting envs whose episode ended (see the
   * class comment). Results are written into the public buffers.
   */
  step(actions: Int32Array): void {
    if (!this.started) {
      throw new TradegymError('E_ENV_STATE', 'VectorEnv.step was called before reset(); call reset(seed) first.');
    }
    if (actions.length !== this.numEnvs) {
      throw new TradegymError('E_BAD_ARGUMENT', `VectorEnv.step expects ${this.numEnvs} actions, got ${actions.length}.`);
    }
    this.completedCount = 0;
    for (let i = 0; i < this.numEnvs; i++) this.stepOne(i, actions[i]!);
    this.totalSteps += this.numEnvs;
  }

  /** Closes every env. */
  close(): void {
    for (const env of this.envs) env.close();
  }

  private stepOne(i: number, action: number): void {
    const env = this.envs[i]!;
    const result = env.step(action);
    const done = result.terminated || result.truncated;
    this.rewards[i] = result.reward;
    this.terminated[i] = result.terminated ? 1 : 0;
    this.truncated[i] = result.truncated ? 1 : 0;
    this.episodeReturns[i] += result.reward;
    this.episodeLengths[i] = this.episodeLengths[i]! + 1;
    if (!done) {
      this.writeRow(this.observations, i, result.observation);
      this.infos[i] = result.info;
      return;
    }
    this.writeRow(this.finalObservations, i, result.observation);
    this.infos[i] = { ...result.info };
    this.recordCompleted(i);
    const next = env.reset();
    this.writeRow(this.observations, i, next.observation);
    this.resetInfos[i] = next.info;
  }

  private recordCompleted(i: number): void {
    const k = this.completedCount++;
    const episodeReturn = this.episodeReturns[i]!;
    const length = this.episodeLengths[i]!;
    this.completedEnvIndex[k] = i;
    this.completedReturns[k] = episodeReturn;
    this.completedLengths[k] = length;
    this.recentEpisodes.push(episodeReturn, length);
    this.totalEpisodes++;
    this.episodeReturns[i] = 0;
    this.episodeLengths[i] = 0;
  }

  private writeRow(target: Float32Array, i: number, observation: Float32Array): void {
    if (observation.length !== this.obsDim) {
      throw new TradegymError(
        'E_ENV_STATE',
        `VectorEnv: env ${i} returned an observation of length ${observation.length}, expected ${this.obsDim} (its observation space).`,
      );
    }
    target.set(observation, i * this.obsDim);
  }
}

function commonSpaces(envs: readonly Env<Float32Array, number, object>[]): [Box, Discrete] {
  const first = envs[0]!;
  const obs = first.observationSpace;
  const act = first.actionSpace;
  if (!(obs instanceof Box) || !(act instanceof Discrete)) {
    throw new TradegymError('E_BAD_ARGUMENT', 'VectorEnv needs envs with a Box observation space and a Discrete action space.');
  }
  envs.forEach((env, i) => {
    const o = env.observationSpace;
    const a = env.actionSpace;
    if (!(o instanceof Box) || o.shape[0] !== obs.shape[0] || !(a instanceof Discrete) || a.n !== act.n) {
      throw new TradegymError(
        'E_BAD_ARGUMENT',
        `VectorEnv: env ${i} has different spaces from env 0 (expected Box(${obs.shape[0]}) and Discrete(${act.n})).`,
      );
    }
  });
  return [obs, act];
}
