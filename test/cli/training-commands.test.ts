import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runInProcess, tempDir } from './cli-harness.js';

const SMALL = ['--n-envs', '2', '--n-steps', '64', '--episode-length', '64', '--seed', '3'];
const SOURCES = ['synthetic:seed=1,bars=400,signal=momentum:0.3', 'synthetic:seed=2,bars=400'];
const TARGET = 'synthetic:seed=3,bars=500,signal=mean-reversion:0.3';

// `any`: parsed manifest JSON, checked field by field in the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

async function manifest(dir: string): Promise<Json> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Json;
}

describe('pretrain → finetune → merge → backtest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('pretrain writes a base checkpoint whose manifest records the run', async () => {
    const out = path.join(dir, 'base');
    const run = await runInProcess(['pretrain', '--markets', ...SOURCES, '--out', out, '--steps', '256', '--hidden', '8,8', ...SMALL, '--json']);
    expect(run.stderr).toMatch(/tfjs backend: \w+/);
    expect(run.code).toBe(0);
    const json = lastJsonLine(run.stdout);
    expect(json).toMatchObject({ command: 'pretrain', checkpoint: out, kind: 'base', status: 'completed', totalSteps: 256, updates: 2 });
    const m = await manifest(out);
    expect(m.kind).toBe('base');
    expect(m.featureNames).toHaveLength(20);
    expect(m.actionLevels).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(m.network.actorHidden).toEqual([8, 8]);
    expect(m.seed).toBe(3);
    expect(m.trainingConfig.command).toBe('pretrain');
    expect(m.trainingConfig.markets.map((x: { label: string }) => x.label)).toEqual(SOURCES);
    expect(m.trainingConfig.progress).toMatchObject({ status: 'completed', updatesDone: 2, totalSteps: 256, targetSteps: 256 });
    expect(run.stderr).toContain('pretrain [');
  });

  it('finetune writes an adapter checkpoint tied to the base, far smaller than it', async () => {
    const out = path.join(dir, 'lora');
    const run = await runInProcess(['finetune', '--base', path.join(dir, 'base'), '--market', TARGET, '--rank', '2', '--alpha', '4', '--kl-coef', '0.1', '--out', out, '--steps', '128', ...SMALL, '--json']);
    expect(run.code).toBe(0);
    expect(lastJsonLine(run.stdout)).toMatchObject({ command: 'finetune', kind: 'adapter', status: 'completed', totalSteps: 128 });
    const [base, adapter] = [await manifest(path.join(dir, 'base')), await manifest(out)];
    expect(adapter.kind).toBe('adapter');
    expect(adapter.baseFingerprint).toBe(base.fingerprint);
    expect(adapter.lora).toMatchObject({ rank: 2, alpha: 4 });
    expect(adapter.parameters.stored).toBeLessThan(base.parameters.stored);
    expect(adapter.trainingConfig.request.trainFraction).toBe(0.7);
    expect(adapter.trainingConfig.ppo.klCoef).toBe(0.1);
  });

  it('merge writes a merged checkpoint that reproduces base + adapter', async () => {
    const out = path.join(dir, 'merged');
    const run = await runInProcess(['merge', '--base', path.join(dir, 'base'), '--adapter', path.join(dir, 'lora'), '--out', out, '--json']);
    expect(run.code).toBe(0);
    const json = lastJsonLine(run.stdout);
    expect(json.kind).toBe('merged');
    expect(json.maxAbsDifference as number).toBeLessThan(1e-5);
    expect((await manifest(out)).kind).toBe('merged');
  });

  it('backtests the checkpoints against a rule strategy with one JSON object as the last stdout line', async () => {
    const csv = path.join(dir, 'target.csv');
    await runInProcess(['data', 'generate', '--out', csv, '--bars', '500', '--seed', '3', '--signal', 'mean-reversion:0.3']);
    const run = await runInProcess([
      'backtest', '--strategy', path.join(dir, 'merged'), '--strategy', path.join(dir, 'lora'), '--strategy', 'buy-and-hold',
      '--base', path.join(dir, 'base'), '--data', csv, '--from', '2001-01-01', '--cash', '50000', '--out-dir', path.join(dir, 'runs'), '--json',
    ]);
    expect(run.code).toBe(0);
    const json = lastJsonLine(run.stdout) as { run: string; strategies: Array<{ label: string; finalEquity: number; metrics: Record<string, number | null> }> };
    expect(json.strategies.map((s) => s.label)).toEqual(['merged', 'lora', 'buy-and-hold']);
    for (const s of json.strategies) {
      expect(Number.isFinite(s.finalEquity)).toBe(true);
      expect(s.metrics).toHaveProperty('sharpe');
      expect(s.metrics).toHaveProperty('maxDrawdown');
    }
    // The merged checkpoint and base + adapter are the same policy, so they trade identically.
    expect(json.strategies[0]!.finalEquity).toBeCloseTo(json.strategies[1]!.finalEquity, 6);
    expect(run.stdout).toContain('Final equity');
    expect(run.stdout).toContain(`report: ${json.run}/report.html`);
    await expect(readFile(path.join(json.run, 'report.html'), 'utf8')).resolves.toContain('<html');
  });
});
