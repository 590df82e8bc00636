import { stat } from 'node:fs/promises';
import type { BarSeries } from '../data/bar-series.js';
import { loadBarsCsv } from '../data/csv-loader.js';
import type { BarLoader } from '../runs/simulate.js';

/**
 * A {@link BarLoader} that keeps the last `maxEntries` parsed files (least recently used
 * evicted), keyed by path, size and modification time so an edited file is re-read.
 * Many viewers starting simulations of one file then parse it once.
 */
export function cachedBarLoader(maxEntries = 4, load: BarLoader = (p) => loadBarsCsv(p)): BarLoader {
  const cache = new Map<string, Promise<BarSeries>>();
  return async (path) => {
    const info = await stat(path);
    const key = `${path}\0${info.size}\0${info.mtimeMs}`;
    let entry = cache.get(key);
    if (entry) {
      cache.delete(key);
    } else {
      entry = load(path);
      entry.catch(() => cache.delete(key));
    }
    cache.set(key, entry);
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return entry;
  };
}
