/**
 * Writes the committed synthetic samples to data/sample/ from `SAMPLE_MARKET_SPECS`
 * (deterministic: same seeds and options ⇒ byte-identical files).
 * Run: `npx tsx src/runs/generate-samples.ts [outputDir]` (default data/sample).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeBarsCsv } from '../data/csv-writer.js';
import { SAMPLE_MARKET_SPECS, generateSampleMarket } from '../data/sample-market-specs.js';

/** Generates every sample into `outputDir`; returns the written paths. */
export async function generateSamples(outputDir: string): Promise<string[]> {
  await mkdir(outputDir, { recursive: true });
  const written: string[] = [];
  for (const spec of SAMPLE_MARKET_SPECS) {
    const path = join(outputDir, spec.file);
    await writeBarsCsv(path, generateSampleMarket(spec));
    written.push(path);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const outputDir = process.argv[2] ?? join(import.meta.dirname, '../../data/sample');
  for (const path of await generateSamples(outputDir)) console.log(`wrote ${path}`);
}
