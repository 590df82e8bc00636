import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMarket, type Market } from '../../src/runs/load-market.js';
import { parseMarketSource } from '../../src/runs/market-source.js';

/** Loads synthetic markets with a throw-away feature cache. */
export async function syntheticMarkets(...specs: string[]): Promise<Market[]> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tradegym-features-'));
  return Promise.all(specs.map((spec) => loadMarket(parseMarketSource(spec), { featureCacheDir: cacheDir })));
}
