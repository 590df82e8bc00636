import type { Rng } from '../core/rng.js';
import { snapshotData } from './data-equivalence.js';
import type { Env } from './env.js';
import { type EnvProblem, resetResultProblems, stepResultProblems } from './env-output-problems.js';

/** One recorded reset or step; values are deep copies. */
export interface TrajectoryRecord {
  /** What produced it, e.g. `"reset({ seed: 123 })"`, `"step 4"`, `"reset() after step 4"`. */
  label: string;
  observation: unknown;
  reward?: unknown;
  terminated?: unknown;
  truncated?: unknown;
}

/** A recorded run of an env, with the problems its outputs showed. */
export interface Trajectory {
  records: TrajectoryRecord[];
  /** The first problem of each kind (one per `check` key), in order of appearance. */
  problems: EnvProblem[];
  /** Set when the env threw; recording stopped there. */
  error?: string;
}

/**
 * Resets `env` with `seed`, then takes `steps` actions drawn from `actionRng` via
 * `actionSpace.sample`, resetting (without a seed) whenever an episode ends. Each output is
 * checked with `stepResultProblems`/`resetResultProblems` and copied, since envs may reuse
 * buffers.
 */
export function recordTrajectory<Act>(
  env: Env<unknown, Act, unknown>,
  seed: number,
  actionRng: Rng,
  steps: number,
): Trajectory {
  const trajectory: Trajectory = { records: [], problems: [] };
  const seen = new Set<string>();
  const note = (problems: EnvProblem[]): void => {
    for (const p of problems) {
      if (!seen.has(p.check)) trajectory.problems.push(p);
      seen.add(p.check);
    }
  };
  let label = `reset({ seed: ${seed} })`;
  try {
    const first = env.reset({ seed });
    note(resetResultProblems(first, env.observationSpace, label));
    trajectory.records.push({ label, observation: snapshotData(first?.observation) });
    for (let k = 0; k < steps; k++) {
      label = `step ${k}`;
      const result = env.step(env.actionSpace.sample(actionRng));
      const problems = stepResultProblems(result, env.observationSpace, label);
      note(problems);
      if (problems.some((p) => p.check === 'step-shape')) return trajectory;
      const { observation, reward, terminated, truncated } = result;
      trajectory.records.push({ label, observation: snapshotData(observation), reward, terminated, truncated });
      if (terminated || truncated) {
        label = `reset() after step ${k}`;
        const next = env.reset();
        note(resetResultProblems(next, env.observationSpace, label));
        trajectory.records.push({ label, observation: snapshotData(next?.observation) });
      }
    }
  } catch (e) {
    trajectory.error = `${label} threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  return trajectory;
}
