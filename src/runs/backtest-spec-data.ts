import { isAbsolute, resolve } from 'node:path';
import type { DataSpec } from '../backtest/data-spec.js';
import { createRng } from '../core/rng.js';
import type { BarSeries } from '../data/bar-series.js';
import { loadBarsCsv } from '../data/csv-loader.js';
import { generateSyntheticMarket } from '../data/synthetic-market.js';
import type { SyntheticMarketOptions } from '../data/synthetic-market-options.js';

/** A spec path made absolute against the spec file's folder (absolute paths are kept). */
export function resolveSpecPath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * The bars a spec's `data` names: a CSV (path relative to `baseDir`, validated by the loader)
 * or a seeded synthetic market (`generateSyntheticMarket(options, createRng(seed))`, so the
 * same spec always gives the same bars).
 */
export async function loadSpecBars(data: DataSpec, baseDir: string): Promise<BarSeries> {
  if ('csv' in data) {
    return loadBarsCsv(resolveSpecPath(baseDir, data.csv), { useAdjClose: data.adjClose ?? false, ...(data.symbol && { symbol: data.symbol }) });
  }
  const { seed, ...options } = data.synthetic;
  return generateSyntheticMarket(options as SyntheticMarketOptions, createRng(seed)).series;
}

/** One line naming a data source, for reports: "csv data/sample/x.csv" or "synthetic seed 3, 2520 bars". */
export function describeDataSpec(data: DataSpec): string {
  if ('csv' in data) return `csv ${data.csv}${data.adjClose ? ' (Adj Close)' : ''}`;
  const { seed, bars, ...rest } = data.synthetic;
  const extra = Object.keys(rest).length > 0 ? `, ${JSON.stringify(rest)}` : '';
  return `synthetic seed ${seed}, ${bars} bars${extra}`;
}
