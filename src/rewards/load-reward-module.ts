import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TradegymError } from '../core/errors.js';
import { guardReward } from './guard-reward.js';
import type { RewardFn, Transition } from './reward-fn.js';

/** File extensions a reward module may have. */
export const REWARD_MODULE_EXTENSIONS: readonly string[] = Object.freeze(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);

const HOW_TO =
  'A reward module default-exports a factory: `export default function myReward(options) { return { name: "my-reward", reset() {}, reward(t) { return t.logReturn; } }; }` (see strategies/rewards/sortino-reward.ts).';

/**
 * Loads a user reward module by path and builds its RewardFn with `options`.
 * `.js`/`.mjs`/`.cjs` are imported natively; `.ts`/`.mts`/`.cts` through tsx's `tsImport`
 * (the `tsx` package must be installed). The default export must be a factory
 * `(options) => { name?, reset?, reward }`; `reset` defaults to a no-op and `name` to the file name.
 * The result is wrapped by `guardReward`, so a throw or non-finite value later stops the run
 * naming the module and the step. The module is code and runs with the user's privileges: only
 * the CLI (or a config file the user passes to it) may name one.
 * @throws TradegymError `E_REWARD_MODULE` when the file is missing or not loadable, has no default
 *   export factory, the factory throws, or its result has no `reward` function.
 */
export async function loadRewardModule(path: string, options: Record<string, unknown> = {}): Promise<RewardFn> {
  const abs = resolve(path);
  await assertModuleFile(path, abs);
  const exported = await importDefault(path, abs);
  if (typeof exported !== 'function') {
    throw moduleError(abs, `has no default export factory (found ${describe(exported)}). ${HOW_TO}`);
  }
  let built: unknown;
  try {
    built = (exported as (o: Record<string, unknown>) => unknown)(options);
  } catch (e) {
    throw moduleError(abs, `factory threw while building the reward with options ${JSON.stringify(options)}: ${messageOf(e)}`, e);
  }
  return guardReward(asRewardFn(built, abs), abs);
}

async function assertModuleFile(path: string, abs: string): Promise<void> {
  const ext = extname(abs).toLowerCase();
  if (!REWARD_MODULE_EXTENSIONS.includes(ext)) {
    throw moduleError(abs, `has extension "${ext}"; expected one of ${REWARD_MODULE_EXTENSIONS.join(', ')}.`);
  }
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isFile()) {
    throw moduleError(abs, `was not found (given as "${path}", resolved against ${process.cwd()}). Check the path passed to --reward.`);
  }
}

async function importDefault(path: string, abs: string): Promise<unknown> {
  const url = pathToFileURL(abs).href;
  let namespace: { default?: unknown };
  try {
    namespace = TS_EXTENSIONS.has(extname(abs).toLowerCase()) ? await importTypeScript(url) : await import(url);
  } catch (e) {
    if (e instanceof TradegymError) throw e;
    throw moduleError(abs, `failed to load: ${messageOf(e)}`, e);
  }
  const exported = namespace.default;
  // A CommonJS module compiled from `export default` shows up as { default: factory }.
  if (exported !== null && typeof exported === 'object' && typeof (exported as { default?: unknown }).default === 'function') {
    return (exported as { default: unknown }).default;
  }
  return exported;
}

async function importTypeScript(url: string): Promise<{ default?: unknown }> {
  let tsImport: (specifier: string, parentURL: string) => Promise<{ default?: unknown }>;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch (e) {
    throw new TradegymError(
      'E_REWARD_MODULE',
      `Loading a TypeScript reward module needs the "tsx" package, which could not be loaded (${messageOf(e)}). Install it (npm i tsx) or compile the module to .js.`,
      {},
      { cause: e },
    );
  }
  return tsImport(url, import.meta.url);
}

function asRewardFn(built: unknown, abs: string): RewardFn {
  const candidate = built as Partial<RewardFn> | null | undefined;
  if (candidate === null || typeof candidate !== 'object' || typeof candidate.reward !== 'function') {
    throw moduleError(abs, `factory returned ${describe(built)}, not an object with a reward(transition) function. ${HOW_TO}`);
  }
  if (candidate.reset !== undefined && typeof candidate.reset !== 'function') {
    throw moduleError(abs, `factory returned a reward whose reset is ${describe(candidate.reset)}; expected a function or nothing.`);
  }
  const reward = candidate.reward.bind(candidate) as (t: Readonly<Transition>) => number;
  const reset = candidate.reset ? candidate.reset.bind(candidate) : (): void => {};
  const name = typeof candidate.name === 'string' && candidate.name !== '' ? candidate.name : basename(abs, extname(abs));
  return { name, reset, reward };
}

function moduleError(abs: string, what: string, cause?: unknown): TradegymError {
  return new TradegymError('E_REWARD_MODULE', `Reward module ${abs} ${what}`, { file: abs }, { cause });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
