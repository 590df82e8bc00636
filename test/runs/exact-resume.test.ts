/**
 * `--resume` reproduces an uninterrupted run bit for bit: the checkpoint keeps Adam's state and
 * every action taken (trainer-state.bin), and the resumed run re-drives fresh envs through the
 * actions before it continues — including per-episode randomised conditions and curriculum
 * stage switches, EWC and distillation.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { readManifest, readTrainerState, TRAINER_STATE_BIN } from '../../src/nn/model-store.js';
import { decodeTrainerState } from '../../src/ppo/trainer-state.js';
import { resumeFinetune, runFinetune, type FinetuneRequest } from '../../src/runs/finetune.js';
import { resumePretrain, runPretrain, type PretrainRequest } from '../../src/runs/pretrain.js';
import type { TrainingOutcome, TrainingRunOptions } from '../../src/runs/training-session.js';
import { DEFAULT_TRAINING_SETTINGS } from '../../src/runs/training-settings.js';

const SETTINGS = { ...DEFAULT_TRAINING_SETTINGS, steps: 512, nEnvs: 2, nSteps: 64, episodeLength: 48, seed: 13 };
const CURRICULUM = {
  conditions: { commissionBps: [0, 20], volatilityScale: [0.8, 1.25] } as const,
  curriculum: [{ name: 'calm', conditions: { regimeQuantiles: [0, 0.5] as const }, until: { steps: 256 } }, { name: 'all', conditions: {} }],
  probeStates: 16,
};
let dir: string;
let options: TrainingRunOptions;

function pretrain(out: string): PretrainRequest {
  return { ...SETTINGS, markets: ['synthetic:seed=31,bars=500', 'synthetic:seed=32,bars=500'], out, actorHidden: [8], criticHidden: [8], knowledge: CURRICULUM };
}

function finetune(out: string): FinetuneRequest {
  return {
    ...SETTINGS, steps: 384, trainFraction: 0.7, base: path.join(dir, 'base'), market: 'synthetic:seed=33,bars=450,signal=mean-reversion:0.3',
    out, rank: 2, alpha: 4, klCoef: 0.05, heads: 'frozen',
    knowledge: { ...CURRICULUM, ewc: { lambda: 0.1, fisherStates: 64 }, distill: { teacher: { rule: 'rsi-mean-reversion' }, maxWeight: 0.5, behaviourCloningEpochs: 1 } },
  };
}

/** Runs `start` with a stop requested after `updates` updates. */
function stoppingAfter(updates: number): TrainingRunOptions {
  const controller = new AbortController();
  let seen = 0;
  return { ...options, hooks: { ...options.hooks, stopSignal: controller.signal, onUpdate: () => (++seen === updates ? controller.abort() : undefined) } };
}

const curriculumOf = (o: TrainingOutcome) => (o.manifest.trainingConfig as { knowledge: { curriculum: unknown } }).knowledge.curriculum;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tradegym-exact-resume-'));
  options = { featureCacheDir: path.join(dir, 'cache'), hooks: { log: () => {} } };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resuming a stopped run', () => {
  it('pretrain: stopped after 1 of 4 updates (mid-episode, before a curriculum switch) and resumed, it ends bitwise equal to an uninterrupted run', async () => {
    const whole = await runPretrain(pretrain(path.join(dir, 'base')), options);
    const stopped = await runPretrain(pretrain(path.join(dir, 'stopped')), stoppingAfter(1));
    expect(stopped.progress).toMatchObject({ status: 'stopped', updatesDone: 1, totalSteps: 128 });
    const saved = await readTrainerState(path.join(dir, 'stopped'), stopped.manifest);
    const state = decodeTrainerState(saved!.data, { parameterCount: stopped.parameters.trainable, numEnvs: 2, totalSteps: 128 }, saved!.file);
    expect(state.actions).toHaveLength(128);
    expect(state.optimizer.step).toBeGreaterThan(0);

    const lines: string[] = [];
    const resumed = await resumePretrain(path.join(dir, 'stopped'), {}, { ...options, hooks: { log: (line) => lines.push(line) } });
    expect(lines).toContain(`resuming at step 128: Adam continues at its step ${state.optimizer.step}; the envs replay 128 logged actions (exact resume)`);
    expect(resumed.progress).toMatchObject({ status: 'completed', updatesDone: 4, totalSteps: 512 });
    expect(resumed.manifest.weights.sha256).toBe(whole.manifest.weights.sha256);
    expect({ ...resumed.last!.scalars, sps: 0 }).toEqual({ ...whole.last!.scalars, sps: 0 }); // every logged figure but the speed
    expect(curriculumOf(resumed)).toEqual(curriculumOf(whole));
    expect((curriculumOf(whole) as unknown[]).length).toBe(2);
  });

  it('finetune with EWC, distillation, KL, randomised conditions and a curriculum: stopped twice and resumed twice, it equals an uninterrupted run', async () => {
    const whole = await runFinetune(finetune(path.join(dir, 'ft-whole')), options);
    const out = path.join(dir, 'ft-stopped');
    await runFinetune(finetune(out), stoppingAfter(1));
    const second = await resumeFinetune(out, {}, stoppingAfter(1));
    expect(second.progress).toMatchObject({ status: 'stopped', updatesDone: 2 });
    const resumed = await resumeFinetune(out, {}, options);
    expect(resumed.progress).toMatchObject({ status: 'completed', updatesDone: 3, totalSteps: 384 });
    expect(resumed.manifest.weights.sha256).toBe(whole.manifest.weights.sha256);
    expect(resumed.last!.auxiliary).toEqual(whole.last!.auxiliary);
  });

  it('from a checkpoint without trainer state (written before it existed) it still resumes, re-seeding the envs and restarting Adam, so it differs', async () => {
    const whole = await readManifest(path.join(dir, 'base'));
    const out = path.join(dir, 'legacy');
    await runPretrain(pretrain(out), stoppingAfter(1));
    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
    delete manifest['trainerState'];
    await writeFile(manifestFile, JSON.stringify(manifest));
    await rm(path.join(out, TRAINER_STATE_BIN));
    const resumed = await resumePretrain(out, {}, stoppingAfter(1));
    expect(resumed.progress).toMatchObject({ status: 'stopped', updatesDone: 2 });
    expect(resumed.manifest.weights.sha256).not.toBe(whole.weights.sha256);
    // its own checkpoint has Adam's state but no action log (it could not log from step 0)
    const saved = await readTrainerState(out, resumed.manifest);
    expect(decodeTrainerState(saved!.data, { parameterCount: resumed.parameters.trainable, numEnvs: 2, totalSteps: 256 }, saved!.file).actions).toHaveLength(0);
    expect((await resumePretrain(out, {}, options)).progress).toMatchObject({ status: 'completed', updatesDone: 4 });
  });

  it('refuses a corrupt trainer-state.bin with E_CHECKPOINT naming the file', async () => {
    const out = path.join(dir, 'corrupt');
    await runPretrain(pretrain(out), stoppingAfter(1));
    const file = path.join(out, TRAINER_STATE_BIN);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, 100));
    const error = await resumePretrain(out, {}, options).then(() => null, (e: unknown) => e);
    expect(isTradegymError(error, 'E_CHECKPOINT')).toBe(true);
    expect((error as Error).message).toContain(file);
  });
});
