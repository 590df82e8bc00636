import type { TelemetryListener } from '../core/telemetry.js';
import type { TrainingOutcome, TrainingRunOptions } from '../runs/training-session.js';
import { type CommandContext, printJsonResult } from './command-context.js';
import { EXIT_INTERRUPTED, interruptSignal } from './interrupt.js';
import { trainingProgressBar } from './training-progress.js';
import type { TrainingFlags } from './training-options.js';

/**
 * Runs a training use case from the CLI: a progress bar on stderr, Ctrl-C → stop after the
 * current update and save the checkpoint (exit code 130, with the `--resume` command to
 * continue), `--serve` → a dashboard server receiving the run's telemetry, and a summary
 * (plus the `--json` line) at the end.
 */
export async function runTrainingCommand(
  context: CommandContext,
  flags: TrainingFlags,
  command: 'pretrain' | 'finetune',
  targetSteps: number,
  run: (options: TrainingRunOptions) => Promise<TrainingOutcome>,
): Promise<void> {
  const { io } = context;
  const server = flags.serve ? await startDashboard(context, flags) : undefined;
  const interrupt = interruptSignal(io, 'stopping after the current update and saving a checkpoint');
  let bar: ReturnType<typeof trainingProgressBar> | undefined;
  let outcome: TrainingOutcome;
  try {
    outcome = await run({
      backend: flags.backend,
      hooks: {
        log: (line) => io.err(line),
        stopSignal: interrupt.signal,
        onUpdate: (stats) => {
          bar ??= trainingProgressBar(io, targetSteps, command);
          bar.update(stats);
        },
        ...(server !== undefined && { onEvent: server.publish }),
      },
    });
  } catch (error) {
    await server?.close();
    throw error;
  } finally {
    bar?.stop();
    interrupt.release();
  }
  if (server !== undefined && interrupt.signal.aborted) await server.close();
  printOutcome(context, command, outcome, flags.json === true);
  if (outcome.progress.status === 'stopped') context.exitCode = EXIT_INTERRUPTED;
  if (server !== undefined && !interrupt.signal.aborted) await serveUntilInterrupted(context, server);
}

function printOutcome(context: CommandContext, command: string, outcome: TrainingOutcome, json: boolean): void {
  const { io } = context;
  const p = outcome.progress;
  const kind = outcome.manifest.kind;
  const params = `${outcome.parameters.trainable.toLocaleString('en-US')} trainable of ${outcome.parameters.total.toLocaleString('en-US')} parameters`;
  if (p.status === 'stopped') {
    io.out(`stopped after ${p.totalSteps} of ${p.targetSteps} steps (${p.updatesDone} updates); ${kind} checkpoint saved to ${outcome.checkpointDir}`);
    io.out(`continue with: tradegym ${command} --resume ${outcome.checkpointDir}`);
  } else {
    io.out(`trained ${p.totalSteps} steps (${p.updatesDone} updates) in ${outcome.seconds.toFixed(1)} s; ${params}; ${kind} checkpoint written to ${outcome.checkpointDir}`);
  }
  const last = outcome.last;
  if (last !== null) {
    io.out(`last update: mean episode return ${last.meanEpisodeReturn?.toFixed(4) ?? '—'}, approx KL ${last.approxKl.toExponential(2)}, ${Math.round(last.stepsPerSec)} steps/s`);
  }
  if (json) {
    printJsonResult(io, {
      command,
      checkpoint: outcome.checkpointDir,
      kind,
      status: p.status,
      updates: p.updatesDone,
      totalSteps: p.totalSteps,
      targetSteps: p.targetSteps,
      seconds: outcome.seconds,
      parameters: outcome.parameters,
      finalMetrics: outcome.manifest.finalMetrics ?? {},
    });
  }
}

interface Dashboard {
  publish: TelemetryListener;
  close(): Promise<void>;
  url: string;
}

async function startDashboard(context: CommandContext, flags: TrainingFlags): Promise<Dashboard> {
  const { startServer } = await import('../server/start-server.js');
  const server = await startServer({ port: flags.port, host: flags.host, logger: { level: 'warn', stream: context.io.stderr } });
  context.io.err(`dashboard: ${server.url} (training updates stream live)`);
  return server;
}

async function serveUntilInterrupted(context: CommandContext, server: Dashboard): Promise<void> {
  context.io.err(`training finished; the dashboard stays up at ${server.url} — press Ctrl-C to exit`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
}
