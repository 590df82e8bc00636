import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBacktestSpec } from '../../src/backtest/validate-backtest-spec.js';
import { selectBackend } from '../../src/nn/backend.js';
import { runBacktestSpec } from '../../src/runs/backtest-run.js';
import { runTransferExperiment, type TransferRun } from '../../src/runs/transfer-experiment.js';

const tiny = { nSteps: 64, minibatchSize: 64, nEpochs: 2 };
const spec = validateBacktestSpec({
  name: 'kt-tiny',
  data: { synthetic: { seed: 5, bars: 600, signal: { kind: 'mean-reversion', strength: 0.2 } } },
  split: { train: 0.7, part: 'test' },
  strategies: [
    { trained: 'base' },
    { trained: 'lora' },
    { trained: 'lora-ewc' },
    { trained: 'robust' },
    { trained: 'qlora' },
    { trained: 'distilled' },
    { trained: 'quantized', label: 'lora int8' },
    { name: 'buy-and-hold' },
  ],
  seed: 3,
  transfer: {
    sources: [{ synthetic: { seed: 6, bars: 420, signal: { kind: 'momentum', strength: 0.2 } } }],
    nEnvs: 2,
    episodeLength: 32,
    network: { actorHidden: [8, 8], criticHidden: [8, 8] },
    ppo: tiny,
    pretrain: { steps: 512 },
    lora: { rank: 2, alpha: 4, steps: 256, layers: { 'actor/hidden_0': 'frozen', 'actor/head': 'full' } },
    loraEwc: { steps: 256, ewc: { lambda: 2, fisherStates: 128 } },
    robust: {
      steps: 256,
      conditions: { commissionBps: [0, 20], volatilityScale: [0.8, 1.25] },
      curriculum: [{ name: 'calm', conditions: { regimeQuantiles: [0, 0.5] }, until: { steps: 128 } }, { name: 'all', conditions: {} }],
    },
    qlora: { steps: 256, dtype: 'uint8' },
    distilled: { steps: 256, distill: { teacher: { rule: 'rsi-mean-reversion' }, maxWeight: 1, behaviourCloningEpochs: 2 }, network: { actorHidden: [4], criticHidden: [4] } },
    quantized: { from: 'lora', dtype: 'uint8' },
  },
}, 'kt-tiny.json');

let root: string;
let run: TransferRun;

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
  root = await mkdtemp(path.join(tmpdir(), 'tradegym-kt-'));
  const cache = path.join(root, 'cache');
  run = await runTransferExperiment(spec, { baseDir: root, checkpointsDir: path.join(root, 'ckpt'), featureCacheDir: cache, phaseOptions: () => ({ featureCacheDir: cache }), log: () => undefined });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('knowledge-transfer experiment (tiny, end to end)', () => {
  it('trains every knowledge phase and reports forgetting of the base on its source markets', () => {
    expect(run.stopped).toBe(false);
    expect(Object.keys(run.trained).sort()).toEqual(['base', 'distilled', 'lora', 'lora-ewc', 'qlora', 'quantized', 'robust']);
    expect(run.trained.base!.forgetting).toBe(0);
    for (const model of ['lora', 'lora-ewc', 'robust', 'qlora', 'quantized'] as const) expect(Number.isFinite(run.trained[model]!.forgetting)).toBe(true);
    expect(run.trained.distilled!.forgetting).toBeNull();
    expect(run.trained.qlora!.base).toMatch(/base-uint8$/);
  });

  it('records the layered plan, the EWC Fisher, the teacher, the curriculum and the monitor in the manifests', async () => {
    const knowledge = (model: string) => run.outcomes[model as 'lora']!.manifest.trainingConfig as { knowledge: Record<string, unknown> };
    expect(run.outcomes.lora!.manifest.lora?.layers).toEqual({ 'actor/hidden_0': 'frozen', 'actor/head': 'full' });
    expect(knowledge('lora-ewc').knowledge['ewc']).toMatchObject({ lambda: 2, states: 128 });
    expect(knowledge('distilled').knowledge['distill']).toMatchObject({ teacher: 'rule rsi-mean-reversion' });
    expect((knowledge('robust').knowledge['curriculum'] as unknown[]).length).toBe(2);
    const metrics = run.outcomes['lora-ewc']!.manifest.finalMetrics!;
    for (const field of ['monitor/agreement', 'monitor/probeEntropy', 'monitor/driftMax', 'monitor/adapterDeltaNorm', 'monitor/ewcPenalty', 'losses/ewc']) {
      expect(Number.isFinite(metrics[field])).toBe(true);
    }
    const report = JSON.parse(await readFile(path.join(root, 'ckpt', 'knowledge-report.json'), 'utf8')) as { models: { model: string; weightBytes: number; forgetting: number | null }[] };
    const bytes = Object.fromEntries(report.models.map((m) => [m.model, m.weightBytes]));
    expect(bytes['quantized']).toBeLessThan(bytes['base']! / 3.9);
    expect(bytes['lora']).toBeLessThan(bytes['base']!);
  });

  it('backtests every model in one table with trainable parameters, weights size and forgetting', async () => {
    const backtest = await runBacktestSpec(spec, { trained: run.trained, write: false, featureCacheDir: path.join(root, 'cache'), log: () => undefined });
    const header = backtest.table.split('\n')[0]!;
    for (const column of ['Sharpe', 'CAGR', 'Max DD', 'Trainable params', 'Train time', 'Weights', 'Forgetting']) expect(header).toContain(column);
    expect(backtest.results.map((r) => r.label)).toContain('lora int8');
    const int8 = backtest.results.find((r) => r.label === 'lora int8')!;
    const lora = backtest.results.find((r) => r.label === 'lora')!;
    expect(int8.weightBytes).toBe(run.outcomes.base!.manifest.parameters.stored); // one byte per weight
    expect(int8.trainableParams).toBe(lora.trainableParams);
    expect(Number.isFinite(int8.result.finalEquity)).toBe(true);
  });
});
