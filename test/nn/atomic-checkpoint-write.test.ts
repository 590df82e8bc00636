import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { ActorCritic } from '../../src/nn/actor-critic.js';
import { selectBackend } from '../../src/nn/backend.js';
import { type CheckpointFs, nodeCheckpointFs } from '../../src/nn/checkpoint-fs.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/nn/model-store.js';

const small = { observationSize: 3, actionCount: 2, actorHidden: [8], criticHidden: [8] };
const meta = { featureNames: ['a', 'b', 'c'], actionLevels: [0, 1] };
const obs = new Float32Array([0.5, -1, 2, 1, 1, -0.25]);
const policies: ActorCritic[] = [];
let root: string;

function policy(seed: number): ActorCritic {
  const p = ActorCritic.create(small, new Rng(seed));
  policies.push(p);
  return p;
}

/** Real fs, except that the operation matching `fails` throws (a crash or full disk at that point). */
function failingFs(fails: (op: keyof CheckpointFs, target: string) => boolean): CheckpointFs {
  const guard = <A extends unknown[], R>(op: keyof CheckpointFs, f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (fails(op, String(args[args.length === 2 && op === 'rename' ? 1 : 0]))) throw new Error(`simulated failure in ${op}(${args.join(', ')})`);
      return f(...args);
    };
  return {
    readFile: guard('readFile', nodeCheckpointFs.readFile),
    writeFile: guard('writeFile', nodeCheckpointFs.writeFile),
    stat: guard('stat', nodeCheckpointFs.stat),
    mkdir: guard('mkdir', nodeCheckpointFs.mkdir),
    readdir: guard('readdir', nodeCheckpointFs.readdir),
    rename: guard('rename', nodeCheckpointFs.rename),
    remove: guard('remove', nodeCheckpointFs.remove),
  };
}

async function probsOf(dir: string): Promise<Float32Array> {
  const { policy: loaded } = await loadCheckpoint(dir);
  policies.push(loaded);
  return loaded.act(obs, 2, new Rng(1), true).probs;
}

describe('atomic checkpoint writes', () => {
  beforeAll(async () => {
    await selectBackend('wasm', () => {});
    root = await mkdtemp(path.join(tmpdir(), 'tradegym-atomic-'));
  });
  afterEach(() => {
    policies.splice(0).forEach((p) => p.dispose());
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps the previous checkpoint intact when a write fails midway, and cleans up its temp directory', async () => {
    const dir = path.join(root, 'midway');
    const old = policy(1);
    await saveCheckpoint(dir, old, 'base', meta);
    const expected = old.act(obs, 2, new Rng(1), true).probs;
    const fs = failingFs((op, target) => op === 'writeFile' && target.endsWith('manifest.json'));
    await expect(saveCheckpoint(dir, policy(2), 'base', meta, { fs })).rejects.toThrow(/simulated failure in writeFile/);
    expect(await probsOf(dir)).toEqual(expected);
    expect(await readdir(root)).toEqual(['midway']);
  });

  it('restores the previous checkpoint when moving the new one into place fails', async () => {
    const dir = path.join(root, 'swap');
    await saveCheckpoint(dir, policy(1), 'base', meta);
    const expected = await probsOf(dir);
    let failures = 0;
    const fs = failingFs((op, target) => op === 'rename' && target === dir && failures++ === 0);
    const error = await saveCheckpoint(dir, policy(3), 'base', meta, { fs }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_CHECKPOINT' });
    expect((error as Error).message).toMatch(/simulated failure in rename.*The previous checkpoint was kept/);
    expect(await probsOf(dir)).toEqual(expected);
    expect((await readdir(root)).filter((n) => n.includes('swap'))).toEqual(['swap']);
  });

  it('ignores a temp directory left behind by a crashed save, and a later save replaces the checkpoint', async () => {
    const dir = path.join(root, 'crashed');
    await saveCheckpoint(dir, policy(1), 'base', meta);
    const stale = path.join(root, '.crashed.tmp-99999-0');
    await mkdir(stale);
    await writeFile(path.join(stale, 'weights.bin'), 'half written');
    const before = await probsOf(dir);
    const next = policy(4);
    await saveCheckpoint(dir, next, 'base', meta);
    const after = await probsOf(dir);
    expect(after).toEqual(next.act(obs, 2, new Rng(1), true).probs);
    expect(after).not.toEqual(before);
  });

  it('points at the old copy when a crash happened between the two renames', async () => {
    const dir = path.join(root, 'between');
    await mkdir(path.join(root, '.between.old-123-0'));
    await expect(loadCheckpoint(dir)).rejects.toThrow(/interrupted save left .*\.between\.old-123-0/);
  });

  it('refuses to replace a directory that is not a checkpoint', async () => {
    const dir = path.join(root, 'notes');
    await mkdir(dir);
    await writeFile(path.join(dir, 'todo.txt'), 'keep me');
    await expect(saveCheckpoint(dir, policy(1), 'base', meta)).rejects.toThrow(/Refusing to overwrite .*notes: it exists but is not a tradegym checkpoint/);
    expect(await readdir(dir)).toEqual(['todo.txt']);
  });
});
