import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createRng } from '../core/rng.js';
import { writeBarsCsv } from '../data/csv-writer.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import type { SyntheticMarketOptions } from '../data/synthetic-market-options.js';
import { inspectBars, type BarsInspection } from './inspect-bars.js';

/** What `tradegym data generate` writes. */
export interface GenerateMarketRequest {
  seed: number;
  options: SyntheticMarketOptions;
  /** CSV file to write (parent folders are created). */
  out: string;
}

/**
 * Generates a seeded synthetic market (`generateSyntheticMarket`, same seed and options ⇒
 * byte-identical file) and writes it as generic OHLCV CSV. Returns the file's inspection.
 * @throws TradegymError E_BAD_ARGUMENT listing every invalid generator option.
 */
export async function generateMarketFile(request: GenerateMarketRequest): Promise<{ path: string; inspection: BarsInspection }> {
  const { series } = generateSyntheticMarket(request.options, createRng(request.seed));
  await mkdir(path.dirname(path.resolve(request.out)), { recursive: true });
  await writeBarsCsv(request.out, series);
  return { path: request.out, inspection: inspectBars(series) };
}
