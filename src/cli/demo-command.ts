import { type Command, Option } from 'commander';
import { type CommandContext, printJsonResult } from './command-context.js';
import { strategyJson } from './backtest-command.js';
import { EXIT_INTERRUPTED, interruptSignal } from './interrupt.js';
import { integerValue } from './option-parsers.js';
import { addBackendOption, addJsonOption, type BackendFlags, type JsonFlags } from './shared-options.js';
import { trainingProgressBar, type TrainingProgressBar } from './training-progress.js';

interface DemoFlags extends BackendFlags, JsonFlags {
  seed: number;
  quick?: boolean;
  runsDir: string;
}

/** `tradegym demo` (= `npm start`): the knowledge-transfer experiment on synthetic markets, end to end. */
export function registerDemoCommand(program: Command, context: CommandContext): void {
  const command = program.command('demo')
    .description('the one-command demo: pretrain on synthetic markets, LoRA fine-tune on a different target, backtest against baselines, write report.html')
    .addOption(new Option('--seed <n>', 'seed of the markets and the training').argParser(integerValue(0)).default(7))
    .option('--quick', 'tiny sizes (seconds): a smoke run, not a meaningful comparison')
    .option('--runs-dir <dir>', 'parent of the demo folder', 'backtests/runs');
  addJsonOption(addBackendOption(command)).action(async (flags: DemoFlags) => {
    const { io } = context;
    const { runDemo } = await import('../runs/demo.js');
    const interrupt = interruptSignal(io, 'stopping the training phase after the current update and saving its checkpoint');
    let bar: TrainingProgressBar | undefined;
    try {
      io.err(`demo (seed ${flags.seed}): pretrain on 3 synthetic source markets → LoRA / full fine-tune / scratch on a scarce target (its first 20 %) → backtest its held-out last 80 %`);
      const demo = await runDemo({
        seed: flags.seed,
        scale: flags.quick ? 'quick' : 'full',
        runsDir: flags.runsDir,
        backend: flags.backend,
        log: (line) => io.err(line),
        phaseOptions: (phase, steps) => {
          bar?.stop();
          bar = undefined;
          return { backend: flags.backend, hooks: { log: (line) => io.err(line), stopSignal: interrupt.signal, onUpdate: (stats) => (bar ??= trainingProgressBar(io, steps, phase.padEnd(13))).update(stats) } };
        },
      });
      bar?.stop();
      if (demo.reportPath === undefined) {
        io.out(`demo stopped; checkpoints so far are in ${demo.demoDir}/checkpoints`);
        context.exitCode = EXIT_INTERRUPTED;
        return;
      }
      io.out(`\n${demo.table}\n`);
      io.out(`demo finished in ${demo.seconds.toFixed(0)} s; checkpoints in ${demo.demoDir}/checkpoints`);
      io.out(`report: ${demo.reportPath}`);
      if (flags.json) printJsonResult(io, { report: demo.reportPath, seconds: demo.seconds, strategies: demo.results.map(strategyJson) });
    } finally {
      bar?.stop();
      interrupt.release();
    }
  });
}
