import type { Space } from './space.js';

/** Options of `Env.reset`. */
export interface ResetOptions {
  /** Re-seeds the env's own RNG; without it the env continues its current stream. */
  seed?: number;
  /** Env-specific options (e.g. `{ startIndex }` for a TradingEnv). */
  options?: Record<string, unknown>;
}

/** What `reset` returns. */
export interface ResetResult<Obs, Info> {
  observation: Obs;
  info: Info;
}

/** What `step` returns (gymnasium ≥ 0.26 semantics). */
export interface StepResult<Obs, Info> {
  observation: Obs;
  reward: number;
  /** The MDP reached a terminal state (e.g. bankruptcy): do not bootstrap. */
  terminated: boolean;
  /** Stopped by an outside limit (episode length, end of data): bootstrap through it. */
  truncated: boolean;
  info: Info;
}

/**
 * The environment contract (gymnasium semantics, named fields).
 * Implementations may reuse the observation buffer and info object between calls and
 * must document it; callers copy what they keep.
 */
export interface Env<Obs = Float32Array, Act = number, Info = Record<string, unknown>> {
  readonly observationSpace: Space<Obs>;
  readonly actionSpace: Space<Act>;
  reset(options?: ResetOptions): ResetResult<Obs, Info>;
  step(action: Act): StepResult<Obs, Info>;
  close(): void;
}
