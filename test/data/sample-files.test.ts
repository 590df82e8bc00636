import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/csv-loader.js';
import { SAMPLE_MARKET_SPECS, generateSampleMarket } from '../../src/data/sample-market-specs.js';

const sampleDir = join(import.meta.dirname, '../../data/sample');

describe('committed samples in data/sample', () => {
  it.each(SAMPLE_MARKET_SPECS.map((spec) => [spec.file, spec] as const))('%s equals a regeneration from its seed and options', async (_file, spec) => {
    const committed = await loadBarsCsv(join(sampleDir, spec.file), { symbol: spec.options.symbol });
    const regenerated = generateSampleMarket(spec);
    expect(committed.timestamps.length).toBe(spec.options.bars);
    for (const key of ['timestamps', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(Array.from(committed[key]), key).toEqual(Array.from(regenerated[key]));
    }
  });

  it('data/README.md documents every sample with its seed', async () => {
    const readme = await readFile(join(sampleDir, '../README.md'), 'utf8');
    for (const spec of SAMPLE_MARKET_SPECS) {
      expect(readme).toContain(spec.file);
      expect(readme).toMatch(new RegExp(`${spec.file.replace('.', '\\.')}[^\\n]*\\b${spec.seed}\\b`));
    }
  });
});
