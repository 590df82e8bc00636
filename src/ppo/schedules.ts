/**
 * A hyper-parameter as a function of training progress ∈ [0, 1] (0 = first update,
 * 1 = end of the step budget), like stable-baselines3's schedules (which take the
 * remaining progress 1 − progress instead).
 */
export type Schedule = (progress: number) => number;

/** A schedule that always returns `value`. */
export function constantSchedule(value: number): Schedule {
  return () => value;
}

/**
 * Linear annealing from `initial` at progress 0 to `final` at progress 1 (progress is
 * clamped to [0, 1]); used for the learning rate and the clip range of PPO
 * (arXiv:1707.06347 §6 anneals both on Atari; rl-baselines3-zoo's `lin_1e-3`).
 */
export function linearSchedule(initial: number, final = 0): Schedule {
  return (progress) => {
    const p = Math.min(1, Math.max(0, progress));
    return initial + (final - initial) * p;
  };
}

/**
 * Training progress of the update about to run, CleanRL-style: update k (0-based) of
 * `totalUpdates` runs at progress k / totalUpdates, so the first update uses the
 * initial value and the last one a small positive fraction of it.
 */
export function updateProgress(updateIndex: number, totalUpdates: number): number {
  return totalUpdates <= 0 ? 1 : updateIndex / totalUpdates;
}
