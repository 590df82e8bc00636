/**
 * Enforces DESIGN.md's import-direction table: which layer may import which,
 * that only runs/server/cli reach into envs/ and strategies/, that nothing imports cli,
 * that there are no barrel index.ts files in src/, and that the file graph is acyclic.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Layer → layers it may import (its own layer is always allowed). Transitive closure written out. */
const ALLOWED: Record<string, readonly string[]> = {
  'src/core': [],
  'src/data': ['src/core'],
  'src/features': ['src/core', 'src/data'],
  'src/market': ['src/core', 'src/data', 'src/features'],
  'src/rewards': ['src/core', 'src/data', 'src/features', 'src/market'],
  'src/metrics': ['src/core'],
  'src/rl': ['src/core'],
  'src/nn': ['src/core', 'src/rl'],
  'src/ppo': ['src/core', 'src/rl', 'src/nn', 'src/metrics'],
  'src/backtest': ['src/core', 'src/data', 'src/features', 'src/market', 'src/metrics'],
  envs: ['src/core', 'src/data', 'src/features', 'src/market', 'src/rewards', 'src/metrics', 'src/rl', 'src/nn', 'src/ppo', 'src/backtest'],
  // strategies/rewards/ holds the worked custom-reward example, which implements the RewardFn contract.
  strategies: ['src/core', 'src/data', 'src/features', 'src/market', 'src/metrics', 'src/rl', 'src/nn', 'src/backtest', 'src/rewards'],
  'src/runs': ['src/core', 'src/data', 'src/features', 'src/market', 'src/rewards', 'src/metrics', 'src/rl', 'src/nn', 'src/ppo', 'src/backtest', 'envs', 'strategies'],
  'src/server': ['src/core', 'src/data', 'src/features', 'src/market', 'src/rewards', 'src/metrics', 'src/rl', 'src/nn', 'src/ppo', 'src/backtest', 'src/runs', 'envs', 'strategies'],
  // The CLI is the top of the tree: `tradegym serve` starts the server.
  'src/cli': ['src/core', 'src/data', 'src/features', 'src/market', 'src/rewards', 'src/metrics', 'src/rl', 'src/nn', 'src/ppo', 'src/backtest', 'src/runs', 'src/server', 'envs', 'strategies'],
};

const SOURCE_ROOTS = ['src', 'envs', 'strategies'];

function listSources(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === 'node_modules' || name === 'public') continue;
      out = out.concat(listSources(full));
    } else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

/** The layer a repo-relative path belongs to, e.g. "src/nn" or "envs". */
function layerOf(relPath: string): string | undefined {
  const parts = relPath.split(sep).join('/').split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1]}` : undefined;
  if (parts[0] === 'envs' || parts[0] === 'strategies') return parts[0];
  return undefined;
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec && spec.startsWith('.')) specs.push(spec);
  }
  return specs;
}

function resolveImport(fromFile: string, spec: string): string {
  const target = resolve(dirname(fromFile), spec).replace(/\.(js|mjs)$/, '.ts');
  return relative(root, target);
}

const files = SOURCE_ROOTS.flatMap((d) => listSources(join(root, d)));
const graph = new Map<string, string[]>(
  files.map((f) => [relative(root, f), relativeImports(f).map((s) => resolveImport(f, s))]),
);

/** Imports that break the table, as "file → target (reason)" lines. */
function layerViolations(g: Map<string, string[]>): string[] {
  const violations: string[] = [];
  for (const [file, imports] of g) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of imports) {
      const to = layerOf(target);
      if (!to || to === from) continue;
      if (!(ALLOWED[from] ?? []).includes(to)) violations.push(`${file} → ${target} (${from} may not import ${to})`);
    }
  }
  return violations;
}

describe('import direction (DESIGN.md)', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('every layer imports only the layers below it', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('the layer table itself is acyclic', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (layer: string): boolean => {
      if (done.has(layer)) return true;
      if (visiting.has(layer)) return false;
      visiting.add(layer);
      const ok = (ALLOWED[layer] ?? []).every(visit);
      visiting.delete(layer);
      done.add(layer);
      return ok;
    };
    expect(Object.keys(ALLOWED).every(visit)).toBe(true);
  });

  it('has no import cycles between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'active' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'active');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === 'active') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('nothing imports the CLI, and no barrel index.ts exists in src/', () => {
    const intoCli = [...graph].flatMap(([file, imports]) =>
      layerOf(file) === 'src/cli' ? [] : imports.filter((t) => layerOf(t) === 'src/cli').map((t) => `${file} → ${t}`),
    );
    expect(intoCli).toEqual([]);
    const barrels = [...graph.keys()].filter((f) => f.startsWith('src') && /(^|\/)index\.ts$/.test(f.split(sep).join('/')));
    expect(barrels).toEqual([]);
  });

  it('the checker flags forbidden imports in a made-up graph', () => {
    const bad = new Map([
      ['src/metrics/sharpe.ts', ['src/nn/policy.ts']],
      ['src/rl/vector-env.ts', ['envs/cartpole.ts']],
      ['src/runs/bench.ts', ['envs/cartpole.ts', 'src/core/rng.ts']],
    ]);
    expect(layerViolations(bad)).toHaveLength(2);
  });
});
