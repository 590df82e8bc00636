import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TradegymError } from '../../src/core/errors.js';
import { loadRewardModule } from '../../src/rewards/load-reward-module.js';
import { makeTransition } from './make-transition.js';

const dir = mkdtempSync(join(tmpdir(), 'tradegym-rewards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function moduleFile(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

async function loadError(path: string, options?: Record<string, unknown>): Promise<TradegymError> {
  const e: unknown = await loadRewardModule(path, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof TradegymError)) throw new Error(`expected a TradegymError, got ${String(e)}`);
  return e;
}

describe('loadRewardModule', () => {
  it('loads a .mjs factory, passes the options and uses its name', async () => {
    const path = moduleFile('scaled.mjs', 'export default (o) => ({ name: "scaled", reset() {}, reward: (t) => o.k * t.stepReturn });');
    const reward = await loadRewardModule(path, { k: 3 });
    expect(reward.name).toBe('scaled');
    expect(reward.reward(makeTransition({ stepReturn: 0.1 }))).toBeCloseTo(0.3, 12);
  });

  it('loads a .ts factory through tsx and defaults a missing reset and name', async () => {
    const path = moduleFile(
      'typed-reward.ts',
      'interface T { logReturn: number }\nexport default function f(): { reward(t: T): number } { return { reward: (t: T): number => 2 * t.logReturn }; }\n',
    );
    const reward = await loadRewardModule(path);
    expect(reward.name).toBe('typed-reward');
    reward.reset();
    expect(reward.reward(makeTransition({ equityBefore: 100, equityAfter: 110 }))).toBeCloseTo(2 * Math.log(1.1), 12);
  });

  it('reports a missing file with E_REWARD_MODULE and the path', async () => {
    const path = join(dir, 'nope.ts');
    const e = await loadError(path);
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/not found/);
  });

  it('rejects an unsupported extension', async () => {
    const e = await loadError(moduleFile('reward.json', '{}'));
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toMatch(/expected one of \.ts/);
  });

  it('rejects a module without a default export factory', async () => {
    const e = await loadError(moduleFile('named-only.mjs', 'export const reward = () => 0;'));
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toMatch(/has no default export factory \(found nothing\)/);
    const notFn = await loadError(moduleFile('default-number.mjs', 'export default 42;'));
    expect(notFn.message).toMatch(/found a number/);
  });

  it('rejects a factory that throws, naming the module', async () => {
    const path = moduleFile('throwing-factory.mjs', 'export default () => { throw new Error("bad option k"); };');
    const e = await loadError(path, { k: 1 });
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toContain(path);
    expect(e.message).toMatch(/factory threw .*bad option k/);
  });

  it('rejects a factory whose result has no reward function', async () => {
    const e = await loadError(moduleFile('no-reward.mjs', 'export default () => ({ name: "x", reset() {} });'));
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toMatch(/not an object with a reward\(transition\) function/);
  });

  it('reports a module that fails to load (syntax error)', async () => {
    const e = await loadError(moduleFile('broken.mjs', 'export default (=> 1;'));
    expect(e.code).toBe('E_REWARD_MODULE');
    expect(e.message).toMatch(/failed to load/);
  });

  it('stops on a NaN reward with E_REWARD_NON_FINITE naming the module and the step', async () => {
    const path = moduleFile('nan-reward.mjs', 'export default () => ({ name: "nan", reset() {}, reward: (t) => (t.step < 2 ? 0 : Math.log(-1)) });');
    const reward = await loadRewardModule(path);
    expect(reward.reward(makeTransition({ step: 0 }))).toBe(0);
    let error: unknown;
    try {
      reward.reward(makeTransition({ step: 2 }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TradegymError);
    expect((error as TradegymError).code).toBe('E_REWARD_NON_FINITE');
    expect((error as TradegymError).message).toContain(path);
    expect((error as TradegymError).message).toContain('step 2');
  });

  it('stops on a reward that throws mid-run with E_REWARD_MODULE', async () => {
    const reward = await loadRewardModule(moduleFile('throws-later.mjs', 'export default () => ({ reward: (t) => { if (t.step === 5) throw new Error("oops"); return 0; } });'));
    expect(() => reward.reward(makeTransition({ step: 5 }))).toThrow(/threw at step 5: oops/);
  });
});
