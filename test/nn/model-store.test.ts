import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { trainBriefly } from './train-briefly.js';
import type { CheckpointMetadata } from '../../src/nn/checkpoint-manifest.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/nn/model-store.js';

const small = { observationSize: 6, actionCount: 5, actorHidden: [16, 16], criticHidden: [16, 16] };
const meta: CheckpointMetadata = {
  featureNames: ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'],
  actionLevels: [-1, -0.5, 0, 0.5, 1],
  trainingConfig: { learningRate: 3e-4 },
  dataFingerprint: 'abcdef0123456789',
  seed: 42,
  finalMetrics: { sharpe: 1.25, maxDrawdown: null },
};
const obs = Float32Array.from({ length: 8 * 6 }, (_, i) => Math.cos(i * 0.9) * 1.5);
const policies: ActorCritic[] = [];
let root: string;

function track(p: ActorCritic): ActorCritic {
  policies.push(p);
  return p;
}

function outputs(policy: ActorCritic) {
  const { probs, values } = policy.act(obs, 8, new Rng(1), true);
  return { probs, values };
}

function train(policy: ActorCritic): void {
  trainBriefly(policy, obs);
}

/** A saved base plus a fine-tuned (trained) adapter on it. */
async function baseAndAdapter(name: string) {
  const base = track(ActorCritic.create(small, new Rng(3)));
  const baseDir = path.join(root, `${name}-base`);
  await saveCheckpoint(baseDir, base, 'base', meta);
  base.attachAdapters({ rank: 2, alpha: 4, heads: 'trainable' }, new Rng(4));
  train(base);
  const adapterDir = path.join(root, `${name}-adapter`);
  await saveCheckpoint(adapterDir, base, 'adapter', meta);
  return { tuned: base, baseDir, adapterDir };
}

async function expectCheckpointError(promise: Promise<unknown>, ...fragments: string[]): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toMatchObject({ code: 'E_CHECKPOINT' });
  for (const f of fragments) expect((error as Error).message).toContain(f);
}

describe('model store', () => {
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
    root = await mkdtemp(path.join(tmpdir(), 'tradegym-model-store-'));
  });
  afterEach(() => {
    policies.splice(0).forEach((p) => p.dispose());
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('saves a base and loads it back with exactly the same outputs and the manifest fields', async () => {
    const policy = track(ActorCritic.create(small, new Rng(1)));
    train(policy);
    const dir = path.join(root, 'base');
    await saveCheckpoint(dir, policy, 'base', meta);
    expect((await readdir(dir)).sort()).toEqual(['manifest.json', 'model.json', 'weights.bin']);
    const { policy: loaded, manifest } = await loadCheckpoint(dir);
    track(loaded);
    expect(outputs(loaded)).toEqual(outputs(policy));
    expect(manifest).toMatchObject({ kind: 'base', tradegymVersion: '0.1.0', network: small, lora: null, baseFingerprint: null, ...meta });
    expect(manifest.fingerprint).toBe(policy.baseFingerprint());
    expect(loaded.trainableVariables()).toHaveLength(12);
  });

  it('loads an adapter onto its base: same outputs, fine-tune mode, base reference for KL', async () => {
    const { tuned, baseDir, adapterDir } = await baseAndAdapter('tuned');
    const { policy, manifest } = await loadCheckpoint(adapterDir, { baseDir });
    track(policy);
    expect(manifest.kind).toBe('adapter');
    expect(outputs(policy)).toEqual(outputs(tuned));
    expect(policy.trainableVariables().map((v) => v.shape)).toEqual(tuned.trainableVariables().map((v) => v.shape));
    const [loadedBase, tunedBase] = tf.tidy(() => {
      const x = tf.tensor2d(obs, [8, 6]);
      return [policy.baseLogProbs(x).dataSync(), tuned.baseLogProbs(x).dataSync()];
    });
    expect(loadedBase).toEqual(tunedBase);
  });

  it('stores a merged checkpoint equal to base + adapter within 1e-5, loadable as a base', async () => {
    const { tuned, baseDir } = await baseAndAdapter('merge');
    const dir = path.join(root, 'merged');
    const manifest = await saveCheckpoint(dir, tuned, 'merged', meta);
    const base = await loadCheckpoint(baseDir);
    track(base.policy);
    expect(manifest.baseFingerprint).toBe(base.manifest.fingerprint);
    const { policy } = await loadCheckpoint(dir);
    track(policy);
    const [a, b] = [outputs(policy), outputs(tuned)];
    a.probs.forEach((p, i) => expect(Math.abs(p - b.probs[i]!)).toBeLessThan(1e-5));
    a.values.forEach((v, i) => expect(Math.abs(v - b.values[i]!)).toBeLessThan(1e-5));
  });

  it('keeps an adapter checkpoint far smaller than its base ([128, 128] nets, rank 8)', async () => {
    const policy = track(ActorCritic.create({ observationSize: 20, actionCount: 5 }, new Rng(1)));
    const names = Array.from({ length: 20 }, (_, i) => `f${i}`);
    const base = await saveCheckpoint(path.join(root, 'big-base'), policy, 'base', { ...meta, featureNames: names });
    policy.attachAdapters({ rank: 8, alpha: 16 }, new Rng(2));
    const adapter = await saveCheckpoint(path.join(root, 'big-adapter'), policy, 'adapter', { ...meta, featureNames: names });
    expect(base.parameters.stored).toBe(39_174);
    expect(adapter.parameters).toEqual({ total: 45_638, trainable: 6_464, stored: 6_464 });
    const sizes = await Promise.all(['big-base', 'big-adapter'].map((d) => stat(path.join(root, d, 'weights.bin'))));
    expect(sizes.map((s) => s.size)).toEqual([39_174 * 4, 6_464 * 4]);
  });

  it('refuses to load an adapter onto a different base', async () => {
    const { adapterDir } = await baseAndAdapter('wrong');
    const other = path.join(root, 'other-base');
    await saveCheckpoint(other, track(ActorCritic.create(small, new Rng(99))), 'base', meta);
    await expectCheckpointError(loadCheckpoint(adapterDir, { baseDir: other }), path.join(adapterDir, 'manifest.json'), 'different base');
    await expectCheckpointError(loadCheckpoint(adapterDir), 'describes an adapter');
  });

  describe('defective files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = path.join(root, 'victim');
    });
    async function fresh(): Promise<void> {
      await saveCheckpoint(dir, track(ActorCritic.create(small, new Rng(5))), 'base', meta);
    }

    it('reports a truncated weights file before reading it', async () => {
      await fresh();
      const file = path.join(dir, 'weights.bin');
      await writeFile(file, (await readFile(file)).subarray(0, 100));
      await expectCheckpointError(loadCheckpoint(dir), file, 'truncated', '100 bytes on disk');
    });

    it('reports a corrupt weights file through the checksum', async () => {
      await fresh();
      const file = path.join(dir, 'weights.bin');
      const bytes = await readFile(file);
      bytes[17] = bytes[17]! ^ 0xff;
      await writeFile(file, bytes);
      await expectCheckpointError(loadCheckpoint(dir), file, 'corrupt', 'SHA-256');
    });

    it('reports missing and malformed files by name', async () => {
      await fresh();
      await rm(path.join(dir, 'model.json'));
      await expectCheckpointError(loadCheckpoint(dir), path.join(dir, 'model.json'), 'is missing');
      await fresh();
      await writeFile(path.join(dir, 'manifest.json'), '{"format": "tradegym-checkpoint",');
      await expectCheckpointError(loadCheckpoint(dir), path.join(dir, 'manifest.json'), 'not valid JSON');
      await expectCheckpointError(loadCheckpoint(path.join(root, 'nowhere')), 'manifest.json is missing');
    });

    it('reports a weight whose shape does not match the network in the manifest', async () => {
      await fresh();
      const file = path.join(dir, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      manifest.network.actorHidden = [16, 8];
      await writeFile(file, JSON.stringify(manifest));
      await expectCheckpointError(loadCheckpoint(dir), 'model.json', '"actor/hidden_1/kernel" with shape [16,16]', 'expects [16,8]');
    });
  });
});
