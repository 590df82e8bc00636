import { Command } from 'commander';
import { tradegymVersion } from '../nn/tradegym-version.js';
import { registerBacktestCommand } from './backtest-command.js';
import { registerBenchCommand } from './bench-command.js';
import type { CommandContext } from './command-context.js';
import { registerDataCommand } from './data-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerFinetuneCommand } from './finetune-command.js';
import { registerMergeCommand } from './merge-command.js';
import { registerMetricsCommand } from './metrics-command.js';
import { registerPretrainCommand } from './pretrain-command.js';
import { registerQuantizeCommand } from './quantize-command.js';
import { registerServeCommand } from './serve-command.js';

/**
 * The `tradegym` commander program. Errors never exit the process: commander's own
 * (unknown command, invalid flag value) surface as `CommanderError` through `exitOverride`,
 * and output goes to `context.io`, so `runCli` decides the exit code.
 * Command modules import heavy libraries (tfjs, fastify, technicalindicators) only inside
 * their actions, which keeps `tradegym --help` fast.
 */
export function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('tradegym')
    .description('Honest, reproducible RL trading: synthetic data, PPO pretraining, LoRA fine-tuning, backtests and a live dashboard.')
    .version(tradegymVersion(), '-V, --version')
    .option('--debug', 'show stack traces of errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true);
  registerDataCommand(program, context);
  registerPretrainCommand(program, context);
  registerFinetuneCommand(program, context);
  registerBacktestCommand(program, context);
  registerMetricsCommand(program, context);
  registerMergeCommand(program, context);
  registerQuantizeCommand(program, context);
  registerBenchCommand(program, context);
  registerServeCommand(program, context);
  registerDemoCommand(program, context);
  return program;
}
