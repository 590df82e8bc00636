import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBacktestSpec } from '../../src/backtest/validate-backtest-spec.js';
import { loadBarsCsv } from '../../src/data/csv-loader.js';
import { dataFingerprint } from '../../src/data/fingerprint.js';
import { splitByFraction } from '../../src/data/time-split.js';
import { featureWarmupBars } from '../../src/features/feature-catalog.js';
import { runBacktestSpec, runBacktestSpecFile } from '../../src/runs/backtest-run.js';
import { loadBacktestSpec } from '../../src/backtest/load-backtest-spec.js';
import { createRng } from '../../src/core/rng.js';
import { DEFAULT_FEATURE_NAMES } from '../../src/features/feature-catalog.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { saveCheckpoint } from '../../src/nn/model-store.js';

const root = resolve(import.meta.dirname, '../..');
const now = new Date(Date.UTC(2024, 4, 6, 7, 8, 9));

describe('runBacktestSpec', () => {
  it('runs the shipped sma-crossover spec and writes every file of the run folder', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'tradegym-bt-'));
    const run = await runBacktestSpecFile(join(root, 'backtests/sma-crossover.json'), { outDir, now });
    expect(run.runDir).toBe(join(outDir, 'sma-crossover-20240506-070809'));
    expect((await readdir(run.runDir!)).sort()).toEqual(['equity.csv', 'manifest.json', 'metrics.json', 'report.html', 'trades.csv']);
    expect(run.results.map((r) => r.label)).toEqual(['buy & hold', 'SMA 10/30', 'SMA 20/100']);
    const metrics = JSON.parse(await readFile(join(run.runDir!, 'metrics.json'), 'utf8'));
    expect(metrics.strategies[1].metrics.sharpe).toBe(run.results[1]!.result.metrics.sharpe);
    const manifest = JSON.parse(await readFile(join(run.runDir!, 'manifest.json'), 'utf8'));
    const bars = await loadBarsCsv(join(root, 'data/sample/momentum-daily.csv'));
    expect(manifest).toMatchObject({ seed: 42, backend: 'none (rule strategies only)', sizing: 'fractional', tradegymVersion: expect.any(String) });
    expect(manifest.data.fingerprint).toBe(dataFingerprint(bars));
    expect(manifest.spec.name).toBe('sma-crossover');
    const report = await readFile(join(run.runDir!, 'report.html'), 'utf8');
    expect(report).toContain(run.results[1]!.result.metrics.sharpe!.toFixed(2));
    expect(run.table.split('\n')[0]).toMatch(/^Strategy +Final equity +Total return/);
  });

  it('trades only the held-out split after its own warm-up, for every strategy', async () => {
    const spec = await loadBacktestSpec(join(root, 'backtests/demo.json'));
    const run = await runBacktestSpec(spec, { specPath: join(root, 'backtests/demo.json'), write: false });
    const bars = await loadBarsCsv(join(root, 'data/sample/synthetic-daily-10y.csv'));
    const test = splitByFraction(bars, { train: 0.7, test: 0.3 }, featureWarmupBars()).test;
    for (const { result } of run.results) {
      expect(result.timestamps[0]).toBe(bars.timestamps[test.observableStart]);
      expect(result.timestamps.at(-1)).toBe(bars.timestamps[bars.close.length - 1]);
    }
    expect(run.runDir).toBeUndefined();
  });

  it('uses an inclusive date range and gives identical results for a synthetic market each time', async () => {
    const spec = validateBacktestSpec({
      name: 'synthetic-range',
      data: { synthetic: { seed: 9, bars: 600, signal: { kind: 'momentum', strength: 0.2 } } },
      range: { from: '2000-03-01', to: '2000-12-29' },
      strategies: [{ name: 'sma-crossover', params: { fast: 5, slow: 20 } }, { name: 'rsi-mean-reversion' }],
      seed: 3,
    });
    const a = await runBacktestSpec(spec, { write: false });
    const b = await runBacktestSpec(spec, { write: false });
    const { timestamps } = a.results[0]!.result;
    expect(new Date(timestamps[0]!).toISOString().slice(0, 10)).toBe('2000-03-01');
    expect(new Date(timestamps.at(-1)!).toISOString().slice(0, 10)).toBe('2000-12-29');
    expect([...a.results[1]!.result.equity]).toEqual([...b.results[1]!.result.equity]);
  });

  it('names the spec file and strategy index when a strategy cannot be built', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tradegym-bt-'));
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify({ name: 'bad', data: { synthetic: { seed: 1, bars: 300 } }, strategies: [{ name: 'buy-and-hold' }, { name: 'sma-crossover', params: { fast: 30, slow: 10 } }] }));
    await expect(runBacktestSpecFile(path, { write: false })).rejects.toThrow(/fast = 30 and slow = 10/);
    await writeFile(path, JSON.stringify({ name: 'bad', data: { synthetic: { seed: 1, bars: 300 } }, strategies: [{ name: 'smac' }] }));
    await expect(runBacktestSpecFile(path, { write: false })).rejects.toThrow(/bad\.json strategies\[0\]: unknown strategy "smac"/);
    await writeFile(path, JSON.stringify({ name: 'bad', data: { csv: 'missing.csv' }, strategies: [{ name: 'buy-and-hold' }] }));
    await expect(runBacktestSpecFile(path, { write: false })).rejects.toMatchObject({ code: 'E_FILE_UNREADABLE' });
  });

  it('validates the shipped lora-transfer spec and refuses to run it without the trained checkpoints', async () => {
    const spec = await loadBacktestSpec(join(root, 'backtests/lora-transfer.json'));
    expect(spec.transfer?.lora).toMatchObject({ rank: 8, alpha: 16 });
    await expect(runBacktestSpec(spec, { specPath: join(root, 'backtests/lora-transfer.json'), write: false, log: () => {}, backend: 'cpu' })).rejects.toThrow(
      /strategies\[0\]: no checkpoint for the trained model "base"/,
    );
  });

  it('runs a checkpoint policy next to rule strategies on the same bars after the feature warm-up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tradegym-bt-'));
    const policy = ActorCritic.create({ observationSize: 20, actionCount: 5, actorHidden: [16], criticHidden: [16] }, createRng(4));
    await saveCheckpoint(join(dir, 'ckpt'), policy, 'base', { featureNames: DEFAULT_FEATURE_NAMES, actionLevels: [-1, -0.5, 0, 0.5, 1] });
    policy.dispose();
    const specPath = join(dir, 'policy.json');
    await writeFile(specPath, JSON.stringify({ name: 'policy', data: { synthetic: { seed: 2, bars: 400 } }, strategies: [{ checkpoint: 'ckpt' }, { name: 'buy-and-hold' }] }));
    const run = await runBacktestSpecFile(specPath, { outDir: join(dir, 'runs'), backend: 'cpu', log: () => {}, featureCacheDir: join(dir, 'cache'), now });
    expect(run.results.map((r) => r.label)).toEqual(['ckpt', 'buy-and-hold']);
    expect(run.results[0]!.result.start).toBe(featureWarmupBars());
    expect(run.results[1]!.result.start).toBe(featureWarmupBars());
    expect(run.results[0]!.trainableParams).toBeGreaterThan(0);
    expect(run.manifest).toMatchObject({ backend: 'cpu', strategies: [{ kind: 'policy', checkpointKind: 'base' }, { kind: 'rule' }] });
    expect(run.table).toContain('Trainable params');
  });
});
