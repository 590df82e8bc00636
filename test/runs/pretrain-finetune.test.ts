import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { readManifest, readTrainerState, TRAINER_STATE_BIN } from '../../src/nn/model-store.js';
import { decodeOptimizerState } from '../../src/ppo/optimizer-state.js';
import { resumeFinetune, runFinetune, type FinetuneRequest } from '../../src/runs/finetune.js';
import { resumePretrain, runPretrain, type PretrainRequest } from '../../src/runs/pretrain.js';
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

describe('resumePretrain', () => {
  it("continues Adam from the checkpoint's trainer state; without it (an older checkpoint) Adam restarts and the run differs", async () => {
    const stoppedDir = path.join(dir, 'stopped');
    const controller = new AbortController();
    const stopped = await runPretrain(pretrainRequest(stoppedDir), { ...options, hooks: { ...options.hooks, onUpdate: () => controller.abort(), stopSignal: controller.signal } });
    expect(stopped.progress).toMatchObject({ status: 'stopped', updatesDone: 1, totalSteps: 128 });
    expect(stopped.manifest.trainerState).toMatchObject({ file: TRAINER_STATE_BIN });
    const saved = await readTrainerState(stoppedDir, stopped.manifest);
    const adam = decodeOptimizerState(saved!.data, stopped.parameters.trainable, saved!.file);
    expect(adam.step).toBeGreaterThan(0); // one update's minibatch steps
    expect(adam.v.some((x) => x > 0)).toBe(true);

    const copies = ['with-state', 'with-state-again', 'without-state', 'corrupt'].map((name) => path.join(dir, name));
    for (const copy of copies) await cp(stoppedDir, copy, { recursive: true });
    const manifestOf = (d: string) => path.join(d, 'manifest.json');
    const old = JSON.parse(await readFile(manifestOf(copies[2]!), 'utf8')) as Record<string, unknown>;
    delete old['trainerState'];
    await writeFile(manifestOf(copies[2]!), JSON.stringify(old));
    await rm(path.join(copies[2]!, TRAINER_STATE_BIN));
    await writeFile(path.join(copies[3]!, TRAINER_STATE_BIN), saved!.data.subarray(0, 100));

    const results = [];
    for (const copy of copies.slice(0, 3)) results.push(await resumePretrain(copy, {}, options));
    for (const r of results) expect(r.progress).toMatchObject({ status: 'completed', updatesDone: 2, totalSteps: 256 });
    expect(results[1]!.manifest.weights.sha256).toBe(results[0]!.manifest.weights.sha256); // reproducible
    expect(results[2]!.manifest.weights.sha256).not.toBe(results[0]!.manifest.weights.sha256); // Adam state matters
    const after = await readTrainerState(copies[0]!, results[0]!.manifest);
    expect(decodeOptimizerState(after!.data, stopped.parameters.trainable, after!.file).step).toBe(2 * adam.step);

    const corrupt = await resumePretrain(copies[3]!, {}, options).then(() => null, (e: unknown) => e);
    expect(isTradegymError(corrupt, 'E_CHECKPOINT')).toBe(true);
    expect((corrupt as Error).message).toContain(path.join(copies[3]!, TRAINER_STATE_BIN));
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
