/**
 * Deep copies and exact comparison of env outputs (observations, infos), after gymnasium's
 * `data_equivalence` (gymnasium/utils/env_checker.py) but exact: numbers must be identical
 * (NaN equals NaN), as same-seed trajectories must be bitwise reproducible.
 */

/**
 * A deep copy of `value` that later mutation of the original cannot change: typed arrays are
 * sliced, arrays and plain objects copied recursively, primitives returned as they are.
 * Needed because envs may reuse their observation buffer and info object between calls.
 */
export function snapshotData(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return (value as unknown as { slice(): unknown }).slice();
  }
  if (Array.isArray(value)) return value.map(snapshotData);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = snapshotData(v);
    return out;
  }
  return value;
}

/**
 * Describes the first difference between `a` and `b` (e.g. `"[2]: 0.1 vs 0.2"`), or returns
 * undefined when they are equivalent: same kind, same length/keys, identical numbers.
 * @param path prefix for the description, e.g. `"observation"`.
 */
export function dataDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? undefined : `${path}: ${a} vs ${b}`;
  }
  const aList = isList(a);
  const bList = isList(b);
  if (aList || bList) {
    if (!aList || !bList || a.constructor !== b.constructor) return `${path}: ${kind(a)} vs ${kind(b)}`;
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = dataDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (!(k in a) || !(k in b)) return `${path}.${k}: present in only one`;
      const d = dataDifference(a[k], b[k], `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
}

function isList(v: unknown): v is ArrayLike<unknown> & { constructor: unknown } {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object';
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object';
  return typeof v;
}
