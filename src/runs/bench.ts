import { mkdtemp, rm } from 'node:fs/promises';
import { arch, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureGradientStep } from '../nn/gradient-step-bench.js';
import { benchBacktest } from './bench-backtest.js';
import { benchData } from './bench-data.js';
import { benchEnv } from './bench-env.js';
import { benchPpo } from './bench-ppo.js';
import { median } from './bench-timing.js';

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
 * Runs the benchmark suite (data pipeline, env, PPO, backtests, gradient step) and returns its
 * figures. Throughput figures are medians of several runs; the machine and its load are recorded,
 * since shared machines are noisy: compare ratios within one run, not absolute numbers across runs.
 * The WebSocket figures live in the server layer; the CLI's `bench` command adds them.
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const quick = options.quick ?? false;
  const bars = quick ? 100_000 : 1_000_000;
  const repeats = 3;
  const report: BenchReport = {
    machine: `${cpus().length}× ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    loadAverageAtStart: Number(loadavg()[0]!.toFixed(2)),
    bars,
  };
  const workDir = await mkdtemp(join(tmpdir(), 'tradegym-bench-'));
  try {
    log(`data: ${bars} synthetic bars; CSV load ×${repeats}, features cold ×1 and cached ×${repeats} …`);
    const data = await benchData(bars, repeats, workDir);
    Object.assign(report, {
      csvLoadSeconds1M: data.csvLoadSeconds1M,
      featuresColdSeconds1M: data.featuresColdSeconds1M,
      featuresCachedSeconds1M: data.featuresCachedSeconds1M,
    });

    const envSteps = quick ? 500_000 : 5_000_000;
    log(`env: ${envSteps} random steps ×${repeats}, single TradingEnv and an 8-env VectorEnv …`);
    Object.assign(report, benchEnv(data.series, data.features, envSteps, repeats));

    log(`backtest: SMA 10/30 over ${bars} bars ×${repeats}, without and with cached features …`);
    Object.assign(report, await benchBacktest({ series: data.series, repeats, featureCacheDir: data.featureCacheDir }));

    const ppoRuns = quick ? 1 : repeats;
    log(`ppo: 8 envs × 256 steps, minibatch 256, 10 epochs, [128,128] tanh, ${quick ? 4096 : 51_200} steps ×${ppoRuns} …`);
    const ppo: Awaited<ReturnType<typeof benchPpo>>[] = [];
    for (let r = 0; r < ppoRuns; r++) ppo.push(await benchPpo({ steps: quick ? 4096 : 51_200 }));
    const ppoMedian = ppo.find((p) => p.ppoStepsPerSec === median(ppo.map((x) => x.ppoStepsPerSec))) ?? ppo[0]!;
    Object.assign(report, {
      ppoStepsPerSec: ppoMedian.ppoStepsPerSec,
      ppoStepsPerCpuSecond: ppoMedian.ppoStepsPerCpuSecond,
      ppoBackend: ppoMedian.ppoBackend,
      ppoRolloutSeconds: ppoMedian.rolloutSeconds,
      ppoUpdateSeconds: ppoMedian.updateSeconds,
      ppoRolloutShare: ppoMedian.rolloutSeconds / (ppoMedian.rolloutSeconds + ppoMedian.updateSeconds),
      ppoMsPerGradientStep: ppoMedian.msPerGradientStep,
      ppoReferenceStepsPerSec: ppoMedian.referenceStepsPerSec,
    });

    log('gradient step: naive tfjs autodiff vs the custom-gradient dense op, minibatch 256 …');
    const step = measureGradientStep({ steps: quick ? 10 : 60 });
    Object.assign(report, {
      gradientStepNaiveMs: step.naive.medianMs,
      gradientStepFastMs: step.fastFull.medianMs,
      gradientStepLoraMs: step.fastLora.medianMs,
    });
    report['loadAverageAtEnd'] = Number(loadavg()[0]!.toFixed(2));
    return report;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
