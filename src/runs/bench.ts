import { arch, cpus, totalmem } from 'node:os';
import { benchData } from './bench-data.js';
import { benchEnv } from './bench-env.js';

/** Options of the benchmark suite. */
export interface BenchOptions {
  /** Smaller sizes (100k bars, fewer steps) for a fast smoke run; figures are then not comparable. */
  quick?: boolean;
  /** Progress lines go here (stderr in the CLI). */
  log?: (line: string) => void;
}

/** Every figure of `tradegym bench`, flat, JSON-safe. */
export type BenchReport = Record<string, number | string>;

/**
 * Runs the benchmark suite and returns its figures. Each throughput figure is the median of
 * several runs; the machine the figures come from is recorded, since shared machines are noisy
 * (compare ratios within one run, not absolute numbers across machines).
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const bars = options.quick ? 100_000 : 1_000_000;
  const repeats = 3;
  const report: BenchReport = {
    machine: `${cpus().length}× ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    bars,
  };

  log(`data: generating ${bars} bars, CSV load ×${repeats}, features cold ×1 and cached ×${repeats} …`);
  const data = await benchData(bars, repeats);
  Object.assign(report, {
    csvLoadSeconds1M: data.csvLoadSeconds1M,
    featuresColdSeconds1M: data.featuresColdSeconds1M,
    featuresCachedSeconds1M: data.featuresCachedSeconds1M,
  });
  log(`  csv ${data.csvLoadSeconds1M.toFixed(2)} s, features cold ${data.featuresColdSeconds1M.toFixed(1)} s, cached ${data.featuresCachedSeconds1M.toFixed(3)} s`);

  const envSteps = options.quick ? 500_000 : 5_000_000;
  log(`env: ${envSteps} random steps ×${repeats} (single TradingEnv and 8-env VectorEnv) …`);
  const env = benchEnv(data.series, data.features, envSteps, repeats);
  Object.assign(report, env);
  log(`  env ${Math.round(env.envStepsPerSec)} steps/s, vec ${Math.round(env.vecEnvStepsPerSec)} steps/s`);

  return report;
}
