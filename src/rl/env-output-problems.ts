import { Box } from './box.js';
import type { Space } from './space.js';

/** One failed check: `check` is a stable key (for de-duplication), `message` a sentence for people. */
export interface EnvProblem {
  check: string;
  message: string;
}

/**
 * Problems with what `reset` returned (gymnasium `check_reset_return_type` and the passive
 * reset checker): an object `{observation, info}`, the observation inside the space, the info
 * a plain object. @param where describes the call, e.g. `"reset({ seed: 123 })"`.
 */
export function resetResultProblems(result: unknown, observationSpace: Space<unknown>, where: string): EnvProblem[] {
  if (result === null || typeof result !== 'object' || !('observation' in result) || !('info' in result)) {
    return [{ check: 'reset-shape', message: `${where} returned ${describe(result)}; expected an object { observation, info }.` }];
  }
  const r = result as { observation: unknown; info: unknown };
  return [
    ...observationProblems(r.observation, observationSpace, where),
    ...infoProblems(r.info, where),
  ];
}

/**
 * Problems with what `step` returned (gymnasium's passive step checker, with NaN/∞ rewards
 * promoted from warnings to problems): the observation inside the space, a finite number
 * reward, boolean `terminated` and `truncated`, a plain-object info.
 */
export function stepResultProblems(result: unknown, observationSpace: Space<unknown>, where: string): EnvProblem[] {
  const fields = ['observation', 'reward', 'terminated', 'truncated', 'info'];
  if (result === null || typeof result !== 'object' || !fields.every((f) => f in result)) {
    return [{ check: 'step-shape', message: `${where} returned ${describe(result)}; expected an object { ${fields.join(', ')} }.` }];
  }
  const r = result as Record<string, unknown>;
  const problems = observationProblems(r.observation, observationSpace, where);
  if (typeof r.reward !== 'number') {
    problems.push({ check: 'reward-type', message: `${where} returned reward ${describe(r.reward)}; expected a number.` });
  } else if (!Number.isFinite(r.reward)) {
    problems.push({ check: 'reward-finite', message: `${where} returned reward ${r.reward}; rewards must be finite numbers.` });
  }
  for (const flag of ['terminated', 'truncated']) {
    if (typeof r[flag] !== 'boolean') {
      problems.push({ check: `${flag}-type`, message: `${where} returned ${flag} = ${describe(r[flag])}; expected a boolean.` });
    }
  }
  problems.push(...infoProblems(r.info, where));
  return problems;
}

function observationProblems(observation: unknown, space: Space<unknown>, where: string): EnvProblem[] {
  if (space.contains(observation)) return [];
  const detail = space instanceof Box ? boxViolation(observation, space) : describe(observation);
  return [{ check: 'observation-space', message: `the observation returned by ${where} is not within the observation space: ${detail}.` }];
}

function infoProblems(info: unknown, where: string): EnvProblem[] {
  if (info !== null && typeof info === 'object' && !Array.isArray(info)) return [];
  return [{ check: 'info-type', message: `${where} returned info = ${describe(info)}; expected a plain object.` }];
}

/** Which element of a would-be Box element breaks the box. */
function boxViolation(value: unknown, box: Box): string {
  if (!(value instanceof Float32Array) && !Array.isArray(value)) return `got ${describe(value)}, expected a Float32Array`;
  const v = value as ArrayLike<unknown>;
  if (v.length !== box.shape[0]) return `length ${v.length}, expected ${box.shape[0]}`;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !(x >= box.low[i]! && x <= box.high[i]!)) {
      return `element ${i} = ${String(x)}, expected a number in [${box.low[i]}, ${box.high[i]}]`;
    }
  }
  return 'rejected by the space';
}

/** A short description of a value for messages, e.g. `0 (number)`, `null`, `Float64Array(4)`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return `${String(value)} (${typeof value})`;
}
