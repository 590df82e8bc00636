import { createRng } from '../core/rng.js';
import { Box } from './box.js';
import { dataDifference, snapshotData } from './data-equivalence.js';
import type { Env } from './env.js';
import { type EnvProblem, resetResultProblems } from './env-output-problems.js';
import { type Trajectory, recordTrajectory } from './record-trajectory.js';

/** Options of `checkEnv`. */
export interface CheckEnvOptions {
  /** Seed passed to `reset` (default 123, as gymnasium's checker). */
  seed?: number;
  /** Steps per recorded run, resetting when an episode ends (default 200). */
  steps?: number;
  /** Seed of the Rng that samples the action sequence (default 0). */
  actionSeed?: number;
}

/** Outcome of `checkEnv`: `ok` is true exactly when `problems` is empty. */
export interface CheckEnvReport {
  ok: boolean;
  /** Contract violations, one sentence each (first occurrence of each kind). */
  problems: string[];
  /** Suspicious but legal findings (e.g. a seed that changes nothing). */
  warnings: string[];
}

type AnyEnv<Act> = Env<unknown, Act, unknown>;

/**
 * Checks an env against the `Env` contract, porting gymnasium's env checker
 * (gymnasium/utils/env_checker.py and passive_env_checker.py, itself from SB3):
 * - spaces exist, sample elements they contain; infinite Box bounds warn;
 * - `reset` returns `{observation, info}` with the observation in the space and a plain-object
 *   info, with a seed, without one and with `options: {}`; the same seed twice gives the same
 *   first observation;
 * - every `step` returns an observation in the space, a finite number reward, boolean
 *   `terminated`/`truncated` and a plain-object info;
 * - same seed ⇒ same trajectory: two fresh envs reset with `seed` and driven by the same action
 *   sequence (sampled from an Rng seeded with `actionSeed`) give identical observations,
 *   rewards and flags, resets included; a used env re-seeded gives that trajectory too;
 * - a different seed giving an identical trajectory is a warning (fine for deterministic envs);
 * - `close()` works, and a second `close()` does not throw (warning).
 *
 * Returns a report and does not throw for faults of the env (a throwing env method becomes a
 * problem); assert `report.ok` and print `report.problems`. Observations are deep-copied before
 * being kept, as envs may reuse their buffers.
 * @param makeEnv builds a fresh env; called four times.
 */
export function checkEnv<Act>(makeEnv: () => AnyEnv<Act>, options: CheckEnvOptions = {}): CheckEnvReport {
  const seed = options.seed ?? 123;
  const steps = options.steps ?? 200;
  const actionSeed = options.actionSeed ?? 0;
  const problems: EnvProblem[] = [];
  const warnings: string[] = [];
  const envs: AnyEnv<Act>[] = [];
  const fresh = (): AnyEnv<Act> => {
    const env = makeEnv();
    envs.push(env);
    return env;
  };
  try {
    const env = fresh();
    if (!spacesUsable(env, problems, warnings)) return finish(problems, warnings);
    resetChecks(env, seed, problems);
    const run = (target: AnyEnv<Act>, runSeed: number): Trajectory =>
      recordTrajectory(target, runSeed, createRng(actionSeed), steps);
    const a = run(fresh(), seed);
    const b = run(fresh(), seed);
    const reseeded = run(env, seed);
    const other = run(fresh(), seed + 1);
    for (const t of [a, b, reseeded, other]) {
      problems.push(...t.problems);
      if (t.error !== undefined) problems.push({ check: 'threw', message: t.error });
    }
    determinismChecks({ a, b, reseeded, other }, { seed, steps }, problems, warnings);
  } catch (e) {
    problems.push({ check: 'factory', message: `makeEnv() threw: ${e instanceof Error ? e.message : String(e)}` });
  }
  closeChecks(envs, problems, warnings);
  return finish(problems, warnings);
}

function finish(problems: EnvProblem[], warnings: string[]): CheckEnvReport {
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const p of problems) {
    if (!seen.has(p.check)) messages.push(p.message);
    seen.add(p.check);
  }
  return { ok: messages.length === 0, problems: messages, warnings };
}

function spacesUsable(env: AnyEnv<unknown>, problems: EnvProblem[], warnings: string[]): boolean {
  const rng = createRng(0);
  for (const [name, space] of [['observationSpace', env.observationSpace], ['actionSpace', env.actionSpace]] as const) {
    if (space === null || typeof space !== 'object' || typeof space.sample !== 'function' || typeof space.contains !== 'function') {
      problems.push({ check: `${name}-missing`, message: `the env's ${name} is missing or lacks sample()/contains().` });
      return false;
    }
    if (!space.contains(space.sample(rng))) {
      problems.push({ check: `${name}-sample`, message: `${name}.sample() returned an element its own contains() rejects.` });
    }
    if (space instanceof Box) {
      if (space.low.some((x) => x === -Infinity)) warnings.push(`a Box ${name} has a −∞ lower bound; this is probably too low.`);
      if (space.high.some((x) => x === Infinity)) warnings.push(`a Box ${name} has a +∞ upper bound; this is probably too high.`);
    }
  }
  return true;
}

function resetChecks(env: AnyEnv<unknown>, seed: number, problems: EnvProblem[]): void {
  const attempt = (label: string, call: () => unknown): unknown => {
    try {
      const result = call();
      problems.push(...resetResultProblems(result, env.observationSpace, label));
      return snapshotData((result as { observation?: unknown } | null)?.observation);
    } catch (e) {
      problems.push({ check: `threw ${label}`, message: `${label} threw: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
  };
  const label = `reset({ seed: ${seed} })`;
  const first = attempt(label, () => env.reset({ seed }));
  const second = attempt(label, () => env.reset({ seed }));
  const diff = dataDifference(first, second, 'observation');
  if (diff !== undefined) {
    problems.push({
      check: 'reset-seed',
      message: `${label} is not deterministic: two resets with the same seed gave different first observations (${diff}).`,
    });
  }
  attempt(`reset({ seed: ${seed + 1} })`, () => env.reset({ seed: seed + 1 }));
  attempt('reset()', () => env.reset());
  attempt('reset({ options: {} })', () => env.reset({ options: {} }));
}

function determinismChecks(
  runs: { a: Trajectory; b: Trajectory; reseeded: Trajectory; other: Trajectory },
  config: { seed: number; steps: number },
  problems: EnvProblem[],
  warnings: string[],
): void {
  const { seed, steps } = config;
  const sameSeed = trajectoryDifference(runs.a, runs.b);
  if (sameSeed !== undefined) {
    problems.push({
      check: 'trajectory-determinism',
      message: `same seed ⇒ same trajectory is violated: two fresh envs reset with seed ${seed} and given the same ${steps} actions differ at ${sameSeed}.`,
    });
  }
  const reseed = trajectoryDifference(runs.a, runs.reseeded);
  if (sameSeed === undefined && reseed !== undefined) {
    problems.push({
      check: 'reseed',
      message: `reset({ seed: ${seed} }) does not fully re-create the env's state: after earlier use it gives a different trajectory from a fresh env, at ${reseed}.`,
    });
  }
  if (trajectoryDifference(runs.a, runs.other) === undefined) {
    warnings.push(
      `seeds ${seed} and ${seed + 1} gave identical trajectories over ${steps} steps: fine for a deterministic env, otherwise reset ignores its seed.`,
    );
  }
}

/** Where two recorded runs first differ (e.g. `"step 3 (observation[1]: 0.1 vs 0.2)"`), or undefined. */
function trajectoryDifference(a: Trajectory, b: Trajectory): string | undefined {
  const n = Math.min(a.records.length, b.records.length);
  for (let i = 0; i < n; i++) {
    const ra = a.records[i]!;
    const rb = b.records[i]!;
    // Record 0 is the seeded reset, whose label names the seed; later labels mark episode ends.
    if (i > 0 && ra.label !== rb.label) return `record ${i} ("${ra.label}" vs "${rb.label}")`;
    const diff = dataDifference({ ...ra, label: '' }, { ...rb, label: '' });
    if (diff !== undefined) return `${ra.label} (${diff.replace(/^\./, '')})`;
  }
  if (a.records.length !== b.records.length) return `the end (${a.records.length} vs ${b.records.length} records)`;
  return undefined;
}

function closeChecks(envs: AnyEnv<unknown>[], problems: EnvProblem[], warnings: string[]): void {
  for (const env of envs) {
    try {
      env.close();
    } catch (e) {
      problems.push({ check: 'close', message: `close() threw: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    try {
      env.close();
    } catch (e) {
      warnings.push(`calling close() on a closed env should be allowed, but it threw: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
  }
}
