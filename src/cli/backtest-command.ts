import { type Command, Option } from 'commander';
import type { BacktestSpec } from '../backtest/backtest-spec.js';
import type { LabeledResult } from '../backtest/labeled-result.js';
import { type CommandContext, printJsonResult } from './command-context.js';
import { EXIT_INTERRUPTED, interruptSignal } from './interrupt.js';
import { jsonObjectValue } from './option-parsers.js';
import {
  addBackendOption,
  addJsonOption,
  addMarketOptions,
  addSeedOption,
  type BackendFlags,
  type JsonFlags,
  type MarketFlags,
  type SeedFlags,
} from './shared-options.js';
import { trainingProgressBar, type TrainingProgressBar } from './training-progress.js';

interface BacktestFlags extends SeedFlags, JsonFlags, BackendFlags, MarketFlags {
  strategy?: string[];
  data?: string;
  from?: string;
  to?: string;
  params?: Record<string, unknown>;
  base?: string;
  outDir?: string;
  checkpointsDir?: string;
}

/** `tradegym backtest <spec.json>` or `tradegym backtest --strategy <name|checkpoint> --data <csv> [--from] [--to]`. */
export function registerBacktestCommand(program: Command, context: CommandContext): void {
  const command = program.command('backtest [spec]')
    .description('backtest strategies from a spec file (running its transfer experiment first, if any), or one given by flags')
    .option('--strategy <name|dir...>', 'rule strategy (buy-and-hold, sma-crossover, rsi-mean-reversion) or checkpoint directory; repeat to compare')
    .option('--data <csv>', 'market CSV (with --strategy)')
    .option('--from <date>', 'first bar to trade (inclusive)')
    .option('--to <date>', 'last bar to trade (inclusive)')
    .addOption(new Option('--params <json>', 'parameters of the first --strategy, e.g. \'{"fast":10,"slow":30}\'').argParser(jsonObjectValue))
    .option('--base <dir>', 'base checkpoint of an adapter --strategy')
    .option('--out-dir <dir>', 'parent folder of the run folder (default backtests/runs)')
    .option('--checkpoints-dir <dir>', "where a spec's transfer experiment writes its checkpoints (default checkpoints/<name>-<time>)");
  addMarketOptions(addBackendOption(addJsonOption(addSeedOption(command)))).action(async (specPath: string | undefined, flags: BacktestFlags, cmd: Command) => {
    if ((specPath === undefined) === (flags.strategy === undefined) || (flags.strategy !== undefined && flags.data === undefined)) {
      cmd.error('error: give a spec file, or --strategy <name|dir> with --data <csv> (not both)', { exitCode: 2 });
    }
    const strategyOnly = ['data', 'from', 'to', 'params', 'base'].filter((name) => flags[name as keyof BacktestFlags] !== undefined);
    if (specPath !== undefined && strategyOnly.length > 0) {
      cmd.error(`error: ${strategyOnly.map((n) => `--${n}`).join(', ')} only apply with --strategy; a spec file sets them itself`, { exitCode: 2 });
    }
    const spec = specPath === undefined ? await adhocSpec(flags) : withFlagOverrides(await loadSpec(specPath), flags, cmd);
    await runAndPrint(context, spec, specPath, flags);
  });
}

async function runAndPrint(context: CommandContext, spec: BacktestSpec, specPath: string | undefined, flags: BacktestFlags): Promise<void> {
  const { io } = context;
  const { backtestWithTraining } = await import('../runs/backtest-with-training.js');
  const interrupt = interruptSignal(io, 'stopping the training phase after the current update and saving its checkpoint');
  let bar: TrainingProgressBar | undefined;
  try {
    const { transfer, backtest } = await backtestWithTraining(spec, {
      ...(specPath !== undefined && { specPath }),
      outDir: flags.outDir ?? (specPath === undefined ? 'backtests/runs' : undefined),
      ...(flags.checkpointsDir !== undefined && { checkpointsDir: flags.checkpointsDir }),
      backend: flags.backend,
      log: (line) => io.err(line),
      phaseOptions: (phase, steps) => {
        bar?.stop();
        bar = undefined;
        return {
          backend: flags.backend,
          hooks: { log: (line) => io.err(line), stopSignal: interrupt.signal, onUpdate: (stats) => (bar ??= trainingProgressBar(io, steps, phase)).update(stats) },
        };
      },
    });
    bar?.stop();
    if (backtest === undefined) {
      io.out(`training stopped; checkpoints so far: ${Object.values(transfer?.trained ?? {}).map((c) => c.dir).join(', ')}`);
      context.exitCode = EXIT_INTERRUPTED;
      return;
    }
    io.out(backtest.table);
    if (backtest.runDir !== undefined) io.out(`\nreport: ${backtest.runDir}/report.html`);
    if (flags.json) printJsonResult(io, { run: backtest.runDir ?? null, strategies: backtest.results.map(strategyJson) });
  } finally {
    bar?.stop();
    interrupt.release();
  }
}

/** One strategy in the `--json` result: label, final equity and the metrics table's values. */
export function strategyJson({ label, result, trainableParams, trainSeconds }: LabeledResult): Record<string, unknown> {
  const m = result.metrics;
  return {
    label,
    strategy: result.strategyName,
    finalEquity: result.finalEquity,
    trades: result.trades.length,
    metrics: {
      totalReturn: m.totalReturn ?? null,
      cagr: m.cagr ?? null,
      annualVolatility: m.annualVolatility ?? null,
      sharpe: m.sharpe ?? null,
      sortino: m.sortino ?? null,
      maxDrawdown: m.maxDrawdown?.depth ?? null,
      calmar: m.calmar ?? null,
      annualTurnover: m.turnover?.annual ?? null,
      timeInMarket: m.exposure?.timeInMarket ?? null,
    },
    ...(trainableParams !== undefined && { trainableParams }),
    ...(trainSeconds !== undefined && { trainSeconds }),
  };
}

async function loadSpec(specPath: string): Promise<BacktestSpec> {
  const { loadBacktestSpec } = await import('../backtest/load-backtest-spec.js');
  return loadBacktestSpec(specPath);
}

async function adhocSpec(flags: BacktestFlags): Promise<BacktestSpec> {
  const { adhocBacktestSpec } = await import('../runs/adhoc-backtest-spec.js');
  return adhocBacktestSpec({
    strategies: flags.strategy!,
    data: flags.data!,
    seed: flags.seed,
    initialCash: flags.cash,
    sizing: flags.sizing,
    ...(flags.params !== undefined && { params: flags.params }),
    ...(flags.base !== undefined && { base: flags.base }),
    ...(flags.from !== undefined && { from: flags.from }),
    ...(flags.to !== undefined && { to: flags.to }),
    ...(flags.commissionBps !== undefined && { commissionBps: flags.commissionBps }),
    ...(flags.slippageBps !== undefined && { slippageBps: flags.slippageBps }),
    ...(flags.rebalanceBand !== undefined && { rebalanceBand: flags.rebalanceBand }),
  });
}

/** Flags given explicitly on the command line override the spec's seed, cash, costs and sizing. */
function withFlagOverrides(spec: BacktestSpec, flags: BacktestFlags, cmd: Command): BacktestSpec {
  const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  return {
    ...spec,
    ...(given('seed') && { seed: flags.seed }),
    ...(given('cash') && { initialCash: flags.cash }),
    ...(given('sizing') && { sizing: flags.sizing }),
    costs: {
      ...spec.costs,
      ...(given('commissionBps') && { commissionBps: flags.commissionBps }),
      ...(given('slippageBps') && { slippageBps: flags.slippageBps }),
      ...(given('rebalanceBand') && { rebalanceBand: flags.rebalanceBand }),
    },
  };
}
