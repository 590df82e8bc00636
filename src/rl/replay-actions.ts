import { TradegymError } from '../core/errors.js';
import type { VectorEnv } from './vector-env.js';

/**
 * Re-drives a freshly reset `env` through recorded actions (step-major, `env.numEnvs` per
 * step). Envs are deterministic given their reset seed and actions, so afterwards every env —
 * its episode in progress, random streams, account, reward state, episode statistics — is
 * exactly where it was when the actions were first taken. `onBoundary(stepsDone)` runs after
 * every `boundary` env steps (summed over envs), e.g. at each PPO update, so state that changed
 * between updates (a curriculum stage) changes at the same points again.
 *
 * @throws TradegymError E_BAD_ARGUMENT when the log's length is not a whole number of steps.
 */
export function replayActions(
  env: VectorEnv<object>,
  actions: Uint8Array,
  boundary: number,
  onBoundary?: (stepsDone: number) => void,
): void {
  const n = env.numEnvs;
  if (actions.length % n !== 0) {
    throw new TradegymError('E_BAD_ARGUMENT', `replayActions: ${actions.length} logged actions are not a whole number of steps of ${n} envs.`);
  }
  const row = new Int32Array(n);
  for (let offset = 0; offset < actions.length; offset += n) {
    for (let e = 0; e < n; e++) row[e] = actions[offset + e]!;
    env.step(row);
    const done = offset + n;
    if (onBoundary !== undefined && done % boundary === 0) onBoundary(done);
  }
}
