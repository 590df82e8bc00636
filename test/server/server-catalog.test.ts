import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerCatalog } from '../../src/server/server-catalog.js';
import { makeTempFolders, writeMarketCsv, type TempFolders } from './fixtures.js';

let folders: TempFolders;
let catalog: ServerCatalog;

beforeEach(async () => {
  folders = await makeTempFolders();
  catalog = new ServerCatalog(folders);
});
afterEach(() => folders.remove());

describe('ServerCatalog', () => {
  it('lists CSV files by their path inside the data folder, and resolves only listed ids', async () => {
    await writeMarketCsv(join(folders.dataDir, 'a.csv'), 10);
    await writeMarketCsv(join(folders.dataDir, 'sample', 'b.csv'), 10);
    await writeFile(join(folders.dataDir, 'notes.txt'), 'not data');
    await writeFile(join(folders.dataDir, 'has space.csv'), 'x');
    await writeFile(join(folders.dataDir, '.hidden.csv'), 'x');
    expect((await catalog.dataFiles()).map((d) => d.id)).toEqual(['a.csv', 'sample/b.csv']);
    expect(await catalog.dataPath('sample/b.csv')).toBe(join(await realpath(folders.dataDir), 'sample', 'b.csv'));
    for (const id of ['../data/a.csv', 'sample/../a.csv', 'notes.txt', join(folders.dataDir, 'a.csv')]) {
      expect(await catalog.dataPath(id)).toBeUndefined();
    }
  });

  it('leaves out symlinks that point outside the configured folder', async () => {
    const outside = join(folders.root, 'secret.csv');
    await writeMarketCsv(outside, 10);
    await symlink(outside, join(folders.dataDir, 'escape.csv'));
    await symlink(folders.root, join(folders.dataDir, 'up'));
    await writeMarketCsv(join(folders.dataDir, 'inside.csv'), 10);
    await symlink(join(folders.dataDir, 'inside.csv'), join(folders.dataDir, 'alias.csv'));
    expect((await catalog.dataFiles()).map((d) => d.id)).toEqual(['alias.csv', 'inside.csv']);
    expect(await catalog.dataPath('escape.csv')).toBeUndefined();
    expect(await catalog.dataPath('up/secret.csv')).toBeUndefined();
  });

  it('lists checkpoint directories holding a manifest, with the manifest kind (null when unreadable)', async () => {
    await mkdir(join(folders.checkpointsDir, 'base'), { recursive: true });
    await writeFile(join(folders.checkpointsDir, 'base', 'manifest.json'), JSON.stringify({ kind: 'base' }));
    await mkdir(join(folders.checkpointsDir, 'runs', 'adapter-1'), { recursive: true });
    await writeFile(join(folders.checkpointsDir, 'runs', 'adapter-1', 'manifest.json'), '{ not json');
    await mkdir(join(folders.checkpointsDir, 'empty'));
    const checkpoints = await catalog.checkpoints();
    expect(checkpoints.map(({ id, kind }) => ({ id, kind }))).toEqual([
      { id: 'base', kind: 'base' },
      { id: 'runs/adapter-1', kind: null },
    ]);
    expect(await catalog.checkpointWithBase('empty')).toBeUndefined();
  });

  it('pairs an adapter with the listed base whose fingerprint it was trained on', async () => {
    const write = async (id: string, manifest: object) => {
      await mkdir(join(folders.checkpointsDir, id), { recursive: true });
      await writeFile(join(folders.checkpointsDir, id, 'manifest.json'), JSON.stringify(manifest));
    };
    await write('base-a', { kind: 'base', fingerprint: 'aaa', baseFingerprint: null });
    await write('base-b', { kind: 'base', fingerprint: 'bbb', baseFingerprint: null });
    await write('lora-on-b', { kind: 'adapter', fingerprint: null, baseFingerprint: 'bbb' });
    await write('lora-orphan', { kind: 'adapter', fingerprint: null, baseFingerprint: 'zzz' });
    const root = await realpath(folders.checkpointsDir);
    expect(await catalog.checkpointWithBase('lora-on-b')).toEqual({ dir: join(root, 'lora-on-b'), kind: 'adapter', baseDir: join(root, 'base-b') });
    expect(await catalog.checkpointWithBase('lora-orphan')).toEqual({ dir: join(root, 'lora-orphan'), kind: 'adapter' });
    expect(await catalog.checkpointWithBase('base-a')).toEqual({ dir: join(root, 'base-a'), kind: 'base' });
  });

  it('lists stored runs and reads their metrics.json, ignoring oversized files', async () => {
    await mkdir(join(folders.runsDir, 'demo-1'));
    await writeFile(join(folders.runsDir, 'demo-1', 'metrics.json'), JSON.stringify({ sharpe: 1.2 }));
    await mkdir(join(folders.runsDir, 'huge'));
    await writeFile(join(folders.runsDir, 'huge', 'metrics.json'), `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`);
    expect((await catalog.storedRuns()).map((r) => r.id)).toEqual(['demo-1', 'huge']);
    expect((await catalog.storedRunSummary('demo-1'))!.summary).toEqual({ sharpe: 1.2 });
    expect((await catalog.storedRunSummary('huge'))!.summary).toBeNull();
    expect(await catalog.storedRunSummary('../demo-1')).toBeUndefined();
  });

  it('lists a missing folder as empty instead of failing', async () => {
    const missing = new ServerCatalog({ dataDir: join(folders.root, 'nope'), checkpointsDir: join(folders.root, 'nope'), runsDir: join(folders.root, 'nope') });
    expect(await missing.dataFiles()).toEqual([]);
    expect(await missing.checkpoints()).toEqual([]);
    expect(missing.strategies().map((s) => s.id)).toEqual(['buy-and-hold', 'sma-crossover', 'rsi-mean-reversion']);
  });
});
