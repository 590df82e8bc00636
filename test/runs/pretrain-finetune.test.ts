import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { readManifest } from '../../src/nn/model-store.js';
import { resumeFinetune, runFinetune, type FinetuneRequest } from '../../src/runs/finetune.js';
import { runPretrain, type PretrainRequest } from '../../src/runs/pretrain.js';
import type { TrainingRunOptions } from '../../src/runs/training-session.js';
import { DEFAULT_TRAINING_SETTINGS } from '../../src/runs/training-settings.js';

const SETTINGS = { ...DEFAULT_TRAINING_SETTINGS, steps: 256, nEnvs: 2, nSteps: 64, episodeLength: 64, seed: 9 };
const TARGET = 'synthetic:seed=22,bars=450,signal=mean-reversion:0.3';
let dir: string;
let options: TrainingRunOptions;

function pretrainRequest(out: string): PretrainRequest {
  return { ...SETTINGS, markets: ['synthetic:seed=21,bars=400'], out, actorHidden: [8], criticHidden: [8] };
}

function finetuneRequest(out: string, rank = 2): FinetuneRequest {
  return { ...SETTINGS, steps: 128, trainFraction: 0.7, base: path.join(dir, 'base'), market: TARGET, out, rank, alpha: 4, klCoef: 0, heads: 'frozen' };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tradegym-runs-'));
  options = { featureCacheDir: path.join(dir, 'cache'), hooks: { log: () => {} } };
  await runPretrain(pretrainRequest(path.join(dir, 'base')), options);
});

describe('runPretrain', () => {
  it('is deterministic: the same request and seed write the same weights', async () => {
    const again = await runPretrain(pretrainRequest(path.join(dir, 'base-again')), options);
    expect(again.manifest.weights.sha256).toBe((await readManifest(path.join(dir, 'base'))).weights.sha256);
    expect(again.progress).toMatchObject({ status: 'completed', totalSteps: 256, updatesDone: 2 });
  });
});

describe('runFinetune', () => {
  it('saves a stopped adapter on a stop request, and resumeFinetune completes it without touching the base', async () => {
    const baseBefore = (await readManifest(path.join(dir, 'base'))).weights.sha256;
    const controller = new AbortController();
    controller.abort();
    const out = path.join(dir, 'lora');
    const stopped = await runFinetune(finetuneRequest(out), { ...options, hooks: { ...options.hooks, stopSignal: controller.signal } });
    expect(stopped.progress).toMatchObject({ status: 'stopped', totalSteps: 0, updatesDone: 0 });
    expect(stopped.manifest.kind).toBe('adapter');

    const resumed = await resumeFinetune(out, {}, options);
    expect(resumed.progress).toMatchObject({ status: 'completed', totalSteps: 128, updatesDone: 1, targetSteps: 128 });
    expect(resumed.manifest.baseFingerprint).toBe(stopped.manifest.baseFingerprint);
    expect((await readManifest(path.join(dir, 'base'))).weights.sha256).toBe(baseBefore);
  });

  it('rank 0 trains every layer: the adapter then stores all base weights', async () => {
    const full = await runFinetune(finetuneRequest(path.join(dir, 'full'), 0), options);
    const base = await readManifest(path.join(dir, 'base'));
    expect(full.manifest.lora?.rank).toBe(0);
    expect(full.parameters.trainable).toBe(base.parameters.total);
    expect(full.manifest.parameters.stored).toBe(base.parameters.stored);
  });

  it('refuses an adapter checkpoint as the base', async () => {
    const error = await runFinetune({ ...finetuneRequest(path.join(dir, 'nested')), base: path.join(dir, 'full') }, options).catch((e: unknown) => e);
    expect(isTradegymError(error, 'E_CHECKPOINT')).toBe(true);
    expect((error as Error).message).toContain('is an adapter checkpoint');
  });
});
