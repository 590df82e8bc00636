import cliProgress from 'cli-progress';
import type { PpoUpdateStats } from '../ppo/ppo-trainer.js';
import type { CliIo } from './cli-io.js';

/** A training progress bar: what the run's `onUpdate` hook feeds and what the command stops at the end. */
export interface TrainingProgressBar {
  update(stats: PpoUpdateStats): void;
  stop(): void;
}

/**
 * A cli-progress bar on stderr showing env steps, steps/s, the mean episode return and the
 * update's approximate KL. `noTTYOutput` keeps it visible in CI logs: without a terminal it
 * prints one line per second instead of redrawing in place.
 */
export function trainingProgressBar(io: CliIo, totalSteps: number, label: string): TrainingProgressBar {
  const bar = new cliProgress.SingleBar({
    stream: io.stderr,
    noTTYOutput: true,
    notTTYSchedule: 1000,
    hideCursor: io.stderr.isTTY === true,
    barsize: 24,
    format: `${label} [{bar}] {percentage}% | {value}/{total} steps | {sps} steps/s | ep. return {ret} | KL {kl} | ETA {eta_formatted}`,
  }, cliProgress.Presets.shades_classic);
  bar.start(totalSteps, 0, { sps: '—', ret: '—', kl: '—' });
  return {
    update(stats) {
      bar.update(Math.min(stats.totalSteps, totalSteps), {
        sps: Math.round(stats.stepsPerSec),
        ret: stats.meanEpisodeReturn === null ? '—' : stats.meanEpisodeReturn.toFixed(3),
        kl: stats.approxKl.toExponential(2),
      });
    },
    stop() {
      bar.stop();
    },
  };
}
