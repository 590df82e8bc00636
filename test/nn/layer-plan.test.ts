import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { layerRoleRows, parseLayerPlan } from '../../src/nn/layer-plan.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/nn/model-store.js';

const config = { observationSize: 4, actionCount: 3, actorHidden: [8, 6], criticHidden: [5] };
const meta = { featureNames: ['a', 'b', 'c', 'd'], actionLevels: [-1, 0, 1] };
const plan = { 'actor/hidden_0': 'frozen', 'actor/hidden_1': { rank: 3, alpha: 6 }, 'actor/head': 'full' } as const;
let root: string;

beforeAll(async () => {
  await selectBackend('auto', () => undefined);
  root = await mkdtemp(path.join(tmpdir(), 'tradegym-layers-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('layered fine-tuning plans', () => {
  it('freezes, adapts (own rank) or fully trains each named layer and reports trainable parameters per layer', () => {
    const policy = ActorCritic.create(config, new Rng(1));
    policy.attachAdapters({ rank: 2, alpha: 4, layers: plan }, new Rng(2));
    const rows = layerRoleRows(policy.parameterCounts().layers);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['actor/hidden_0']).toMatchObject({ role: 'frozen', trainable: 0 });
    expect(byName['actor/hidden_1']).toMatchObject({ role: 'lora r=3', rank: 3, trainable: 3 * (8 + 6) });
    expect(byName['actor/head']).toMatchObject({ role: 'full', trainable: 6 * 3 + 3 });
    // Unnamed layers follow the global selection: critic hidden gets rank 2, critic head frozen.
    expect(byName['critic/hidden_0']).toMatchObject({ role: 'lora r=2', trainable: 2 * (4 + 5) });
    expect(byName['critic/head']).toMatchObject({ role: 'frozen', trainable: 0 });
    expect(policy.parameterCounts().trainable).toBe(rows.reduce((n, r) => n + r.trainable, 0));
    policy.dispose();
  });

  it('saves and reloads a layered adapter checkpoint with identical outputs', async () => {
    const base = ActorCritic.create(config, new Rng(1));
    const baseDir = path.join(root, 'base');
    await saveCheckpoint(baseDir, base, 'base', meta);
    base.attachAdapters({ rank: 2, alpha: 4, layers: plan }, new Rng(2));
    for (const v of base.trainableVariables()) v.assign(tf.add(v, 0.05));
    const dir = path.join(root, 'adapter');
    const manifest = await saveCheckpoint(dir, base, 'adapter', meta);
    expect(manifest.lora?.layers).toEqual({ 'actor/hidden_0': 'frozen', 'actor/hidden_1': { rank: 3, alpha: 6 }, 'actor/head': 'full' });
    const { policy } = await loadCheckpoint(dir, { baseDir });
    const obs = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i));
    expect(policy.act(obs, 3, new Rng(0), true).probs).toEqual(base.act(obs, 3, new Rng(0), true).probs);
    policy.dispose();
    base.dispose();
  });

  it('parses the CLI form and rejects unknown layers and bad roles with E_BAD_CONFIG', () => {
    expect(parseLayerPlan('actor/hidden_0=frozen, actor/hidden_1=lora:4:8,actor/head=full,critic/hidden_0=lora:2')).toEqual({
      'actor/hidden_0': 'frozen',
      'actor/hidden_1': { rank: 4, alpha: 8 },
      'actor/head': 'full',
      'critic/hidden_0': { rank: 2 },
    });
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isTradegymError(e, 'E_BAD_CONFIG') ? e.message : 'other';
      }
      return 'none';
    };
    expect(code(() => parseLayerPlan('actor/hidden_0=half'))).toMatch(/lora:<rank>/);
    const policy = ActorCritic.create(config, new Rng(1));
    expect(code(() => policy.attachAdapters({ rank: 2, alpha: 4, layers: { 'actor/hidden_9': 'full' } }, new Rng(2)))).toMatch(/actor\/hidden_0, actor\/hidden_1/);
    expect(code(() => policy.attachAdapters({ rank: 2, alpha: 4, layers: { 'actor/head': { rank: 0 } } }, new Rng(2)))).toMatch(/rank/);
    policy.dispose();
  });
});
