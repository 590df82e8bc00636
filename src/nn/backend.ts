import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TradegymError } from '../core/errors.js';

/** Concrete backends tradegym can run on, fastest first. */
export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

/** A user's choice (`--backend`, config field): a concrete backend or `auto`. */
export type BackendPreference = 'auto' | BackendName;

/** One way to obtain a tfjs backend. */
export interface BackendCandidate {
  name: BackendName;
  /** The npm package providing it (checked with `require.resolve` to tell "not installed"). */
  packageName: string;
  /** Loads the package and makes its backend current; throws with a reason when it cannot. */
  activate(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);

/** True if `packageName` can be resolved from tradegym's location. */
export function isPackageInstalled(packageName: string): boolean {
  try {
    requireFromHere.resolve(packageName);
    return true;
  } catch {
    return false;
  }
}

/** Imports a package whose name is only known at run time (optional dependencies). */
async function importOptional(packageName: string): Promise<unknown> {
  return import(/* @vite-ignore */ packageName);
}

async function activateNative(packageName: string): Promise<void> {
  await importOptional(packageName);
  // tfjs-node(-gpu) registers a backend named 'tensorflow' on the tfjs-core it depends on.
  if (!tf.findBackendFactory('tensorflow')) {
    throw new Error(`${packageName} loaded but registered no "tensorflow" backend with this @tensorflow/tfjs (version mismatch?)`);
  }
  if (!(await tf.setBackend('tensorflow'))) throw new Error('the native TensorFlow backend failed to initialise');
}

async function activateWasm(): Promise<void> {
  const packageName = '@tensorflow/tfjs-backend-wasm';
  const wasm = (await importOptional(packageName)) as { setWasmPaths(prefix: string): void };
  if (!tf.findBackend('wasm')) {
    // In Node the .wasm binaries are read from the package's dist folder.
    wasm.setWasmPaths(`${path.dirname(requireFromHere.resolve(packageName))}${path.sep}`);
  }
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to initialise');
}

/** The built-in candidates in `auto` order: native GPU, native CPU, wasm (SIMD), plain JS. */
export const BACKEND_CANDIDATES: readonly BackendCandidate[] = [
  { name: 'tensorflow-gpu', packageName: '@tensorflow/tfjs-node-gpu', activate: () => activateNative('@tensorflow/tfjs-node-gpu') },
  { name: 'tensorflow', packageName: '@tensorflow/tfjs-node', activate: () => activateNative('@tensorflow/tfjs-node') },
  { name: 'wasm', packageName: '@tensorflow/tfjs-backend-wasm', activate: activateWasm },
  {
    name: 'cpu',
    packageName: '@tensorflow/tfjs',
    activate: async () => {
      if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend failed to initialise');
    },
  },
];

let chosen: BackendName | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the fastest available (or the requested) tfjs backend current and returns its name.
 * `auto` tries tfjs-node-gpu, tfjs-node, wasm, cpu; an installed optional backend that fails
 * to load falls through with a one-line note. An explicit choice that is unavailable throws
 * `E_BACKEND_UNAVAILABLE` naming the installed ones. The choice is logged once; repeated calls
 * (auto, or the same name) return it without reloading.
 */
export function selectBackend(
  preferred: BackendPreference = 'auto',
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<BackendName> {
  return selectBackendFrom(BACKEND_CANDIDATES, preferred, log);
}

/** `selectBackend` over an explicit candidate list (for tests and embedding). */
export function selectBackendFrom(
  candidates: readonly BackendCandidate[],
  preferred: BackendPreference,
  log: (line: string) => void,
): Promise<BackendName> {
  const run = queue.then(() => select(candidates, preferred, log));
  queue = run.catch(() => undefined);
  return run;
}

async function select(
  candidates: readonly BackendCandidate[],
  preferred: BackendPreference,
  log: (line: string) => void,
): Promise<BackendName> {
  if (chosen && (preferred === 'auto' || preferred === chosen)) return chosen;
  const available = candidates.filter((c) => isPackageInstalled(c.packageName)).map((c) => c.name);
  if (preferred !== 'auto') {
    const candidate = candidates.find((c) => c.name === preferred);
    if (!candidate) throw unavailable(String(preferred), 'unknown backend name', candidates, available);
    if (!available.includes(candidate.name)) throw unavailable(preferred, `${candidate.packageName} is not installed`, candidates, available);
    try {
      await candidate.activate();
    } catch (e) {
      throw unavailable(preferred, (e as Error).message, candidates, available);
    }
    return announce(candidate.name, log);
  }
  for (const candidate of candidates) {
    if (!available.includes(candidate.name)) continue;
    try {
      await candidate.activate();
      return announce(candidate.name, log);
    } catch (e) {
      log(`note: tfjs backend ${candidate.name} is installed but failed to load (${firstLine(e)}); trying the next one`);
    }
  }
  throw new TradegymError('E_BACKEND_UNAVAILABLE', `No tfjs backend could be loaded (tried ${candidates.map((c) => c.name).join(', ')}).`);
}

function announce(name: BackendName, log: (line: string) => void): BackendName {
  chosen = name;
  log(`tfjs backend: ${name}`);
  return name;
}

function unavailable(
  requested: string,
  reason: string,
  candidates: readonly BackendCandidate[],
  available: readonly BackendName[],
): TradegymError {
  const hint = requested.startsWith('tensorflow')
    ? ` Install ${candidates.find((c) => c.name === requested)?.packageName ?? 'it'} (see README, "GPU") or use --backend auto.`
    : '';
  return new TradegymError(
    'E_BACKEND_UNAVAILABLE',
    `tfjs backend "${requested}" is unavailable: ${reason}. Available here: ${available.join(', ') || 'none'}.${hint}`,
    { column: 'backend', value: requested },
  );
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0]!;
}
