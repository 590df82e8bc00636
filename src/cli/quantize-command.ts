import { type Command, Option } from 'commander';
import { type CommandContext, printJsonResult } from './command-context.js';
import { numberValue } from './option-parsers.js';
import { addBackendOption, addJsonOption, addMarketOptions, costOptionsOf, type BackendFlags, type JsonFlags, type MarketFlags } from './shared-options.js';

interface QuantizeFlags extends BackendFlags, JsonFlags, MarketFlags {
  checkpoint: string;
  base?: string;
  out: string;
  dtype: 'uint8' | 'uint16' | 'float16';
  market?: string;
  testFraction: number;
}

/** `tradegym quantize --checkpoint <dir> --out <dir> [--dtype uint8] [--market <m>]`: weight-quantized export with a size and metric report. */
export function registerQuantizeCommand(program: Command, context: CommandContext): void {
  const command = program.command('quantize')
    .description('export a policy with int8 (tfjs uint8) or float16 weights; report checkpoint size, weight error and the backtest metric change')
    .requiredOption('--checkpoint <dir>', 'base, merged or adapter checkpoint to export')
    .option('--base <dir>', 'base checkpoint of an adapter (the export is then merged)')
    .requiredOption('--out <dir>', 'quantized checkpoint directory to write')
    .addOption(new Option('--dtype <format>', 'weight format: uint8 (1 byte, "int8"), uint16 or float16 (2 bytes)').choices(['uint8', 'uint16', 'float16']).default('uint8'))
    .option('--market <market>', 'backtest the float32 and the quantized policy on this market (CSV path, sample:<name> or synthetic:…)')
    .addOption(new Option('--test-fraction <f>', 'backtest only the last share of the market’s bars').argParser(numberValue(0, 1, true)).default(1));
  addJsonOption(addBackendOption(addMarketOptions(command))).action(async (flags: QuantizeFlags) => {
    const { runQuantize } = await import('../runs/quantize.js');
    const { report, comparison } = await runQuantize(
      {
        checkpoint: flags.checkpoint,
        ...(flags.base !== undefined && { base: flags.base }),
        out: flags.out,
        dtype: flags.dtype,
        ...(flags.market !== undefined && { market: flags.market }),
        testFraction: flags.testFraction,
        backtest: { costs: costOptionsOf(flags), sizing: flags.sizing, initialCash: flags.cash },
      },
      { backend: flags.backend, log: (line) => context.io.err(line) },
    );
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    context.io.out(`${report.dtype} ${report.kind} checkpoint written to ${report.out}: weights ${kb(report.quantizedWeightBytes)} (float32 ${kb(report.float32WeightBytes)}, ${report.compression.toFixed(1)}× smaller), directory ${kb(report.directoryBytes)}`);
    context.io.out(`max |w − ŵ| = ${report.maxAbsError.toExponential(2)} (format bound ${report.maxErrorBound.toExponential(2)})`);
    if (comparison !== null) {
      const f = (x: number | null, digits = 3) => (x === null ? '—' : x.toFixed(digits));
      context.io.out(`backtest Sharpe ${f(comparison.float32.sharpe)} (float32) → ${f(comparison.quantized.sharpe)} (${report.dtype}); max drawdown ${f(comparison.float32.maxDrawdown)} → ${f(comparison.quantized.maxDrawdown)}`);
    }
    if (flags.json) printJsonResult(context.io, { ...report, comparison });
  });
}
