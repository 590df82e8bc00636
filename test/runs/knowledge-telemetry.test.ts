import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryEvent, TrainUpdateEvent } from '../../src/core/telemetry.js';
import { readManifest } from '../../src/nn/model-store.js';
import { resumeFinetune, runFinetune, type FinetuneRequest } from '../../src/runs/finetune.js';
import { runPretrain } from '../../src/runs/pretrain.js';
import { DEFAULT_TRAINING_SETTINGS } from '../../src/runs/training-settings.js';

const SETTINGS = { ...DEFAULT_TRAINING_SETTINGS, steps: 256, nEnvs: 2, nSteps: 64, episodeLength: 64, seed: 4 };
let dir: string;
const cache = () => path.join(dir, 'cache');

function finetune(out: string, extra: Partial<FinetuneRequest> = {}): FinetuneRequest {
  return { ...SETTINGS, trainFraction: 0.7, base: path.join(dir, 'base'), market: 'synthetic:seed=8,bars=450,signal=mean-reversion:0.3', out, rank: 2, alpha: 4, klCoef: 0, heads: 'frozen', ...extra };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tradegym-kt-telemetry-'));
  await runPretrain({ ...SETTINGS, markets: ['synthetic:seed=7,bars=400'], out: path.join(dir, 'base'), actorHidden: [8], criticHidden: [8] }, { featureCacheDir: cache(), hooks: { log: () => {} } });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('knowledge monitoring in training telemetry', () => {
  it('streams drift, agreement, entropy, adapter delta norm and the EWC loss and weight in every train.update', async () => {
    const events: TelemetryEvent[] = [];
    await runFinetune(finetune(path.join(dir, 'ewc'), { knowledge: { ewc: { lambda: 0.1, fisherStates: 64 }, probeStates: 32 } }), { featureCacheDir: cache(), hooks: { log: () => {}, onEvent: (e) => events.push(e) } });
    const updates = events.filter((e): e is TrainUpdateEvent => e.type === 'train.update');
    expect(updates).toHaveLength(2);
    for (const u of updates) {
      expect(u.adapterDeltaNorm).toBeGreaterThan(0);
      for (const key of ['agreement', 'probeKl', 'probeEntropy', 'driftMax', 'drift/actor/hidden_0', 'adapterDeltaNorm', 'ewcPenalty', 'loss/ewc', 'weight/ewc']) {
        expect(Number.isFinite(u.extra![key])).toBe(true);
      }
      expect(u.extra!['weight/ewc']).toBe(0.1);
    }
  });

  it('a run without knowledge settings still records the monitor in its manifest', async () => {
    const outcome = await runFinetune(finetune(path.join(dir, 'plain')), { featureCacheDir: cache(), hooks: { log: () => {} } });
    expect(outcome.manifest.finalMetrics!['monitor/agreement']).toBeGreaterThan(0);
    expect(outcome.manifest.finalMetrics!['monitor/adapterDeltaNorm']).toBeGreaterThan(0);
  });

  it('resumes an EWC fine-tune stopped mid-run, re-anchoring to the base checkpoint', async () => {
    const out = path.join(dir, 'resumed');
    const controller = new AbortController();
    let updates = 0;
    const stopAfterOne = { featureCacheDir: cache(), hooks: { log: () => {}, stopSignal: controller.signal, onUpdate: () => (++updates === 1 ? controller.abort() : undefined) } };
    await runFinetune(finetune(out, { steps: 384, knowledge: { ewc: { lambda: 0.1, fisherStates: 64 } } }), stopAfterOne);
    const stopped = await readManifest(out);
    expect(stopped.trainingConfig!['progress']).toMatchObject({ status: 'stopped' });
    const events: TelemetryEvent[] = [];
    await resumeFinetune(out, {}, { featureCacheDir: cache(), hooks: { log: () => {}, onEvent: (e) => events.push(e) } });
    const first = events.find((e): e is TrainUpdateEvent => e.type === 'train.update')!;
    expect(first.extra!['ewcPenalty']).toBeGreaterThan(0);
    expect(first.extra!['driftMax']).toBeGreaterThan(0);
  });

  it('is deterministic with every piece on: same request and seed → bitwise the same adapter', async () => {
    const knowledge = {
      ewc: { lambda: 0.1, fisherStates: 64 },
      distill: { teacher: { rule: 'rsi-mean-reversion' }, maxWeight: 0.5, behaviourCloningEpochs: 1 },
      conditions: { commissionBps: [0, 20], volatilityScale: [0.8, 1.25] } as const,
      curriculum: [{ name: 'calm', conditions: { regimeQuantiles: [0, 0.5] as const }, until: { steps: 128 } }, { name: 'all', conditions: {} }],
      probeStates: 16,
    };
    const options = { featureCacheDir: cache(), hooks: { log: () => {} } };
    const a = await runFinetune(finetune(path.join(dir, 'det-a'), { knowledge }), options);
    const b = await runFinetune(finetune(path.join(dir, 'det-b'), { knowledge }), options);
    expect(b.manifest.weights.sha256).toBe(a.manifest.weights.sha256);
    expect(b.last!.auxiliary).toEqual(a.last!.auxiliary);
  });
});
