import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/nn/model-store.js';
import { quantizePolicy } from '../../src/nn/quantize-policy.js';

const config = { observationSize: 6, actionCount: 5, actorHidden: [32, 32], criticHidden: [32, 32] };
const meta = { featureNames: ['a', 'b', 'c', 'd', 'e', 'f'], actionLevels: [-1, -0.5, 0, 0.5, 1] };
const obs = Float32Array.from({ length: 64 * 6 }, (_, i) => Math.sin(i * 0.61) * 2);
let root: string;
let baseDir: string;

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
  root = await mkdtemp(path.join(tmpdir(), 'tradegym-quant-'));
  baseDir = path.join(root, 'base');
  const base = ActorCritic.create(config, new Rng(3));
  await saveCheckpoint(baseDir, base, 'base', meta);
  base.dispose();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('quantizePolicy (tfjs weight quantization)', () => {
  it('writes a ~4× smaller uint8 checkpoint whose weights are within scale/2 and whose policy barely changes', async () => {
    const report = await quantizePolicy({ checkpoint: baseDir, out: path.join(root, 'int8'), dtype: 'uint8' });
    expect(report.kind).toBe('base');
    expect(report.quantizedWeightBytes).toBe(report.parameters);
    expect(report.compression).toBe(4);
    expect(report.maxAbsError).toBeGreaterThan(0);
    expect(report.maxAbsError).toBeLessThanOrEqual(report.maxErrorBound * (1 + 1e-5));
    const float = await loadCheckpoint(baseDir);
    const int8 = await loadCheckpoint(report.out);
    expect(int8.manifest.quantization).toBe('uint8');
    expect(int8.manifest.fingerprint).toBe(int8.policy.baseFingerprint());
    expect(int8.manifest.fingerprint).not.toBe(float.manifest.fingerprint);
    const p = float.policy.act(obs, 64, new Rng(0), true).probs;
    const q = int8.policy.act(obs, 64, new Rng(0), true).probs;
    const worst = p.reduce((m, v, i) => Math.max(m, Math.abs(v - q[i]!)), 0);
    expect(worst).toBeLessThan(0.01);
    float.policy.dispose();
    int8.policy.dispose();
  });

  it('writes float16 at half the size with relative weight error ≤ 2⁻¹¹', async () => {
    const report = await quantizePolicy({ checkpoint: baseDir, out: path.join(root, 'fp16'), dtype: 'float16' });
    expect(report.compression).toBe(2);
    expect(report.maxAbsError).toBeLessThanOrEqual(report.maxErrorBound);
  });

  it('merges an adapter into a quantized merged checkpoint; QLoRA-style adapters load only on their int8 base', async () => {
    const { policy } = await loadCheckpoint(baseDir);
    policy.attachAdapters({ rank: 2, alpha: 4 }, new Rng(4));
    for (const v of policy.trainableVariables()) v.assign(tf.add(v, 0.02));
    const adapterDir = path.join(root, 'adapter');
    await saveCheckpoint(adapterDir, policy, 'adapter', meta);
    policy.dispose();
    const report = await quantizePolicy({ checkpoint: adapterDir, base: baseDir, out: path.join(root, 'merged-int8'), dtype: 'uint8' });
    expect(report.kind).toBe('merged');
    expect(report.maxAbsError).toBeLessThanOrEqual(report.maxErrorBound * (1 + 1e-5));

    const int8Dir = path.join(root, 'int8');
    const qbase = await loadCheckpoint(int8Dir);
    qbase.policy.attachAdapters({ rank: 2, alpha: 4 }, new Rng(4));
    const qloraDir = path.join(root, 'qlora');
    await saveCheckpoint(qloraDir, qbase.policy, 'adapter', meta);
    qbase.policy.dispose();
    const ok = await loadCheckpoint(qloraDir, { baseDir: int8Dir });
    ok.policy.dispose();
    await expect(loadCheckpoint(qloraDir, { baseDir })).rejects.toSatisfy((e: unknown) => isTradegymError(e, 'E_CHECKPOINT'));
  });

  it('refuses to quantize adapter checkpoints directly', async () => {
    const { policy } = await loadCheckpoint(baseDir);
    policy.attachAdapters({ rank: 2, alpha: 4 }, new Rng(4));
    await expect(saveCheckpoint(path.join(root, 'bad'), policy, 'adapter', meta, { quantization: 'uint8' })).rejects.toThrow(/full precision/);
    policy.dispose();
  });
});
