/**
 * Test fixtures for the server: temporary configured folders and deterministic market CSVs
 * written through the real CSV writer (seeded RNG, never Math.random).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRng } from '../../src/core/rng.js';
import { createBarSeries } from '../../src/data/bar-series.js';
import { writeBarsCsv } from '../../src/data/csv-writer.js';

/** The three folders a server is configured with, inside one temp root. */
export interface TempFolders {
  root: string;
  dataDir: string;
  checkpointsDir: string;
  runsDir: string;
  remove(): Promise<void>;
}

/** Creates empty data/, checkpoints/ and runs/ folders under a fresh temp directory. */
export async function makeTempFolders(): Promise<TempFolders> {
  const root = await mkdtemp(join(tmpdir(), 'tradegym-server-'));
  const folders = { root, dataDir: join(root, 'data'), checkpointsDir: join(root, 'checkpoints'), runsDir: join(root, 'runs') };
  await Promise.all([folders.dataDir, folders.checkpointsDir, folders.runsDir].map((d) => mkdir(d, { recursive: true })));
  return { ...folders, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Writes `bars` daily bars from 2000-01-03 of a market whose drift swings between up and
 * down regimes (period ≈ 300 bars), so an SMA crossover trades regularly.
 */
export async function writeMarketCsv(path: string, bars: number, seed = 7): Promise<void> {
  const rng = createRng(seed);
  const timestamps = new Float64Array(bars);
  const open = new Float64Array(bars);
  const high = new Float64Array(bars);
  const low = new Float64Array(bars);
  const close = new Float64Array(bars);
  const volume = new Float64Array(bars);
  let price = 100;
  for (let i = 0; i < bars; i++) {
    timestamps[i] = Date.UTC(2000, 0, 3) + i * 86_400_000;
    const o = price * Math.exp(0.002 * rng.normal());
    const c = o * Math.exp(0.003 * Math.sin((2 * Math.PI * i) / 300) + 0.01 * rng.normal());
    open[i] = round(o);
    close[i] = round(c);
    high[i] = round(Math.max(o, c) * (1 + 0.004 * rng.uniform()));
    low[i] = round(Math.min(o, c) * (1 - 0.004 * rng.uniform()));
    volume[i] = 1000 + rng.int(1000);
    price = c;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeBarsCsv(path, createBarSeries({ symbol: 'test', timestamps, open, high, low, close, volume }));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
