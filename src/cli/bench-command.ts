import type { Command } from 'commander';
import { type CommandContext, printJsonResult } from './command-context.js';
import { keyValueTable } from './key-value-table.js';
import { addJsonOption, type JsonFlags } from './shared-options.js';

interface BenchFlags extends JsonFlags {
  quick?: boolean;
}

/** `tradegym bench [--quick] [--json]`: the same figures as `npm run bench`. */
export function registerBenchCommand(program: Command, context: CommandContext): void {
  const command = program.command('bench')
    .description('measure throughput: CSV load, features, env steps, PPO, backtests, WebSocket events (same as npm run bench)')
    .option('--quick', 'smaller sizes for a fast smoke run (figures not comparable)');
  addJsonOption(command).action(async (flags: BenchFlags) => {
    const { runBench } = await import('../runs/bench.js');
    const { benchWs } = await import('../server/bench-ws.js');
    const log = (line: string) => context.io.err(line);
    const report = await runBench({ quick: flags.quick ?? false, log });
    log('websocket: bar events delivered at full speed to 1 and 20 loopback clients …');
    Object.assign(report, await benchWs({ bars: flags.quick ? 5_000 : 20_000 }));
    context.io.out(keyValueTable(Object.entries(report).map(([key, value]) => [key, typeof value === 'number' ? formatFigure(value) : value])));
    if (flags.json) printJsonResult(context.io, report);
  });
}

function formatFigure(value: number): string {
  return Number.isInteger(value) || Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(4);
}
