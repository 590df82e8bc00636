import { type Command, Option } from 'commander';
import type { SyntheticMarketOptions } from '../data/synthetic-market-options.js';
import type { CommandContext } from './command-context.js';
import { printJsonResult } from './command-context.js';
import { integerValue, numberValue } from './option-parsers.js';
import { printInspection } from './print-inspection.js';
import { addJsonOption, addSeedOption, type JsonFlags, type SeedFlags } from './shared-options.js';

interface GenerateFlags extends SeedFlags, JsonFlags {
  out?: string;
  samples?: string;
  bars: number;
  kind: 'regime-garch' | 'random-walk';
  signal?: string;
  interval?: string;
  start?: string;
  symbol?: string;
  startPrice?: number;
  drift?: number;
  volatility?: number;
  decimals?: number;
}

interface ReadFlags extends JsonFlags {
  adjClose?: boolean;
  epochUnit: 'auto' | 's' | 'ms';
}

/** `tradegym data generate|inspect|validate`. */
export function registerDataCommand(program: Command, context: CommandContext): void {
  const data = program.command('data').description('generate synthetic markets, inspect and validate OHLCV CSV files');
  registerGenerate(data, context);
  const inspect = data.command('inspect <file>').description('summarise a CSV: rows, range, interval, gaps, return statistics');
  addReadOptions(addJsonOption(inspect)).action(async (file: string, flags: ReadFlags) => {
    const { loadBarsCsv } = await import('../data/csv-loader.js');
    const { inspectBars } = await import('../runs/inspect-bars.js');
    const inspection = inspectBars(await loadBarsCsv(file, { useAdjClose: flags.adjClose ?? false, epochUnit: flags.epochUnit }));
    printInspection(context.io, file, inspection);
    if (flags.json) printJsonResult(context.io, { file, ...inspection });
  });
  const validate = data.command('validate <file>').description('check a CSV and list every problem with its line; exits 1 when there is one');
  addReadOptions(addJsonOption(validate)).action(async (file: string, flags: ReadFlags) => {
    const { validateBarsCsvFile } = await import('../runs/validate-bars-csv.js');
    const report = await validateBarsCsvFile(file, { useAdjClose: flags.adjClose ?? false, epochUnit: flags.epochUnit });
    for (const problem of report.problems) context.io.out(`${problem.message} [${problem.code}]`);
    const ok = report.problems.length === 0;
    context.io.out(ok ? `${file}: OK, ${report.validRows} bars` : `${file}: ${report.problems.length} problem(s); ${report.validRows} valid bars`);
    if (flags.json) printJsonResult(context.io, { file, valid: ok, validRows: report.validRows, problems: report.problems });
    if (!ok) context.exitCode = 1;
  });
}

function registerGenerate(data: Command, context: CommandContext): void {
  const generate = data.command('generate')
    .description('write a seeded synthetic market (regime-switching GARCH-t, optional planted signal) as CSV')
    .option('--out <file>', 'CSV file to write')
    .option('--samples <dir>', 'instead: write every committed sample market (data/sample) into <dir>')
    .addOption(new Option('--bars <n>', 'number of bars').argParser(integerValue(2)).default(2520))
    .addOption(new Option('--kind <kind>', 'return model').choices(['regime-garch', 'random-walk']).default('regime-garch'))
    .option('--signal <kind:φ>', 'planted AR(1) signal, e.g. momentum:0.2 or mean-reversion:0.2')
    .option('--interval <n><d|h|m|s>', 'fixed bar spacing such as 1h (default: business days)')
    .option('--start <date>', 'first bar time, e.g. 2010-01-04 (default 2000-01-03)')
    .option('--symbol <name>', 'instrument name (default SYN<seed>)')
    .addOption(new Option('--start-price <price>', 'first price (default 100)').argParser(numberValue(0, Infinity, true)))
    .addOption(new Option('--drift <μ>', 'log drift per bar (default 0.0002)').argParser(numberValue()))
    .addOption(new Option('--volatility <σ>', 'volatility of log returns per bar (default 0.0126)').argParser(numberValue(0)))
    .addOption(new Option('--decimals <n>', 'round prices to n decimals').argParser(integerValue(0, 12)));
  addJsonOption(addSeedOption(generate)).action(async (flags: GenerateFlags, command: Command) => {
    if (flags.samples !== undefined) {
      const { generateSamples } = await import('../runs/generate-samples.js');
      for (const path of await generateSamples(flags.samples)) context.io.out(`wrote ${path}`);
      return;
    }
    if (flags.out === undefined) command.error("error: option '--out <file>' is required (or --samples <dir>)", { exitCode: 2 });
    const { generateMarketFile } = await import('../runs/generate-market.js');
    const { path, inspection } = await generateMarketFile({ seed: flags.seed, options: await syntheticOptions(flags), out: flags.out! });
    context.io.out(`wrote ${path}: ${inspection.rows} bars ${inspection.first} → ${inspection.last}, interval ${inspection.interval}, lag-1 autocorrelation ${inspection.returns.lag1Autocorrelation?.toFixed(3) ?? '—'}`);
    if (flags.json) printJsonResult(context.io, { path, ...inspection });
  });
}

async function syntheticOptions(flags: GenerateFlags): Promise<SyntheticMarketOptions> {
  const { parseIntervalMs, parseSignal } = await import('../runs/market-source.js');
  const { parseTimestamp } = await import('../data/timestamp-parser.js');
  const { TradegymError } = await import('../core/errors.js');
  const options: SyntheticMarketOptions = { bars: flags.bars, kind: flags.kind, symbol: flags.symbol ?? `SYN${flags.seed}` };
  if (flags.signal !== undefined) options.signal = parseSignal(flags.signal);
  if (flags.interval !== undefined) options.intervalMs = parseIntervalMs(flags.interval);
  if (flags.start !== undefined) {
    options.startTimestampMs = parseTimestamp(flags.start);
    if (!Number.isFinite(options.startTimestampMs)) throw new TradegymError('E_BAD_ARGUMENT', `--start "${flags.start}" is not a date such as 2010-01-04.`);
  }
  if (flags.startPrice !== undefined) options.startPrice = flags.startPrice;
  if (flags.drift !== undefined) options.driftPerBar = flags.drift;
  if (flags.volatility !== undefined) options.volatilityPerBar = flags.volatility;
  if (flags.decimals !== undefined) options.priceDecimals = flags.decimals;
  return options;
}

function addReadOptions(command: Command): Command {
  return command
    .option('--adj-close', 'use the Adj Close column (O/H/L scaled by the same factor)')
    .addOption(new Option('--epoch-unit <unit>', 'how plain-number timestamps are read').choices(['auto', 's', 'ms']).default('auto'));
}
