import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { DEFAULT_FEATURE_CACHE_DIR, loadOrComputeFeatures } from '../../src/features/feature-cache.js';
import { gbmBars } from './gbm-bars.js';

let cacheDir: string;
const series = gbmBars(createRng(41), 320);

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'tradegym-feature-cache-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const bytesOf = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const sameBytes = (a: Float32Array, b: Float32Array) => bytesOf(a).equals(bytesOf(b));

describe('loadOrComputeFeatures', () => {
  it('computes and writes on the first call, reads identical values on the second', async () => {
    const first = await loadOrComputeFeatures(series, {}, { cacheDir });
    expect(first.cacheHit).toBe(false);
    expect(first.missReason).toBe('no cache file');
    expect((await stat(first.path)).size).toBeGreaterThan(320 * 20 * 4);
    const second = await loadOrComputeFeatures(series, {}, { cacheDir });
    expect(second.cacheHit).toBe(true);
    expect(second.path).toBe(first.path);
    expect(second.matrix.names).toEqual(first.matrix.names);
    expect(second.matrix.firstValidIndex).toBe(first.matrix.firstValidIndex);
    expect(sameBytes(second.matrix.values, computeFeatures(series).values)).toBe(true);
    expect(await readdir(cacheDir)).toEqual([first.path.split('/').pop()]);
  });

  it('misses when the configuration changes', async () => {
    await loadOrComputeFeatures(series, {}, { cacheDir });
    const other = await loadOrComputeFeatures(series, { rsiPeriod: 10 }, { cacheDir });
    expect(other.cacheHit).toBe(false);
    expect(other.matrix.names).toContain('rsi_10');
    expect(sameBytes(other.matrix.values, computeFeatures(series, { rsiPeriod: 10 }).values)).toBe(true);
  });

  it('misses when one price changes', async () => {
    await loadOrComputeFeatures(series, {}, { cacheDir });
    const changed = { ...series, close: Float64Array.from(series.close) };
    changed.close[200] = changed.close[200]! * 1.0001;
    const result = await loadOrComputeFeatures(changed, {}, { cacheDir });
    expect(result.cacheHit).toBe(false);
    expect(sameBytes(result.matrix.values, computeFeatures(changed).values)).toBe(true);
  });

  it.each([
    ['a flipped payload byte', 'payload checksum mismatch', async (p: string) => {
      const bytes = await readFile(p);
      bytes[bytes.length - 7]! ^= 0x40;
      await writeFile(p, bytes);
    }],
    ['a truncated file', 'payload size differs', async (p: string) => truncate(p, (await stat(p)).size - 100)],
    ['a garbage header', 'header is not JSON', async (p: string) => {
      const bytes = await readFile(p);
      bytes.fill(0x7b, 12, 40);
      await writeFile(p, bytes);
    }],
    ['wrong magic bytes', 'wrong magic bytes', async (p: string) => writeFile(p, 'not a feature cache file')],
    ['an empty file', 'truncated prefix', async (p: string) => writeFile(p, '')],
  ])('recomputes (and repairs) a cache file with %s', async (_label, reason, corrupt) => {
    const first = await loadOrComputeFeatures(series, {}, { cacheDir });
    await corrupt(first.path);
    const again = await loadOrComputeFeatures(series, {}, { cacheDir });
    expect(again.cacheHit).toBe(false);
    expect(again.missReason).toBe(reason);
    expect(sameBytes(again.matrix.values, first.matrix.values)).toBe(true);
    expect((await loadOrComputeFeatures(series, {}, { cacheDir })).cacheHit).toBe(true);
  });

  it('leaves no temporary files behind', async () => {
    await loadOrComputeFeatures(series, {}, { cacheDir });
    await loadOrComputeFeatures(series, { normWindow: 50 }, { cacheDir });
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects a too-short series with E_DATA_TOO_SHORT before touching the cache', async () => {
    const short = gbmBars(createRng(42), 100);
    await expect(loadOrComputeFeatures(short, {}, { cacheDir })).rejects.toMatchObject({ code: 'E_DATA_TOO_SHORT' });
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('defaults to .tradegym-cache/features under the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(cacheDir);
    try {
      const result = await loadOrComputeFeatures(series);
      expect(DEFAULT_FEATURE_CACHE_DIR).toBe('.tradegym-cache/features');
      expect(result.path.startsWith(join(process.cwd(), '.tradegym-cache', 'features'))).toBe(true);
      expect((await loadOrComputeFeatures(series)).cacheHit).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
