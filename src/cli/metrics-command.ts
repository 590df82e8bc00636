import { type Command, Option } from 'commander';
import type { SeriesMetrics } from '../runs/series-metrics.js';
import type { CliIo } from './cli-io.js';
import { type CommandContext, printJsonResult } from './command-context.js';
import { fixed, keyValueTable, percent } from './key-value-table.js';
import { numberValue } from './option-parsers.js';
import { addJsonOption, type JsonFlags } from './shared-options.js';

interface MetricsFlags extends JsonFlags {
  returns?: boolean;
  equity?: boolean;
  periodsPerYear?: number;
  column?: string;
}

/** `tradegym metrics <file.csv> [--returns|--equity] [--periods-per-year N] [--json]`. */
export function registerMetricsCommand(program: Command, context: CommandContext): void {
  const command = program.command('metrics <file>')
    .description('metrics of a returns or equity series (a date column plus one value column): Sharpe, Sortino, max drawdown, CAGR, Calmar …')
    .addOption(new Option('--returns', 'values are simple per-period returns').conflicts('equity'))
    .addOption(new Option('--equity', 'values are an equity curve (default unless the column name contains "ret")').conflicts('returns'))
    .addOption(new Option('--periods-per-year <n>', 'annualisation factor P (default: inferred from the dates, else 252)').argParser(numberValue(0, Infinity, true)))
    .option('--column <name>', 'value column, when the file has several');
  addJsonOption(command).action(async (file: string, flags: MetricsFlags) => {
    const { readValueSeriesCsv } = await import('../runs/value-series-csv.js');
    const { seriesMetrics } = await import('../runs/series-metrics.js');
    const series = await readValueSeriesCsv(file, flags.column);
    const kind = flags.returns ? 'returns' : flags.equity ? 'equity' : undefined;
    const metrics = seriesMetrics(series, kind, flags.periodsPerYear);
    printMetrics(context.io, file, metrics);
    if (flags.json) printJsonResult(context.io, { file, ...metricsJson(metrics) });
  });
}

/** The JSON form: the flat metric values plus the drawdown details. */
function metricsJson(m: SeriesMetrics): Record<string, unknown> {
  const s = m.summary;
  return {
    kind: m.kind,
    valueColumn: m.valueColumn,
    first: m.first,
    last: m.last,
    periods: s.periods,
    periodsPerYear: s.periodsPerYear,
    periodsPerYearSource: s.periodsPerYearSource,
    totalReturn: s.totalReturn ?? null,
    cagr: s.cagr ?? null,
    annualVolatility: s.annualVolatility ?? null,
    sharpe: s.sharpe ?? null,
    sortino: s.sortino ?? null,
    downsideDeviation: s.downsideDeviation ?? null,
    maxDrawdown: s.maxDrawdown?.depth ?? null,
    maxDrawdownDates: m.maxDrawdownDates,
    maxDrawdownDurationBars: s.maxDrawdown?.durationBars ?? null,
    calmar: s.calmar ?? null,
    hitRate: s.hitRate ?? null,
  };
}

function printMetrics(io: CliIo, file: string, m: SeriesMetrics): void {
  const s = m.summary;
  const dd = m.maxDrawdownDates;
  io.out(keyValueTable([
    ['file', `${file} (column "${m.valueColumn}" read as ${m.kind}${m.kindSource === 'column name' ? ', from its name; override with --returns/--equity' : ''})`],
    ['range', `${m.first} → ${m.last}, ${s.periods} periods, P = ${s.periodsPerYear} (${s.periodsPerYearSource})`],
    ['total return', percent(s.totalReturn)],
    ['CAGR', percent(s.cagr)],
    ['annual volatility', percent(s.annualVolatility)],
    ['Sharpe', fixed(s.sharpe, 3)],
    ['Sortino', fixed(s.sortino, 3)],
    ['max drawdown', `${percent(s.maxDrawdown === undefined ? undefined : -s.maxDrawdown.depth)}${dd ? ` (peak ${dd.peak}, trough ${dd.trough}, ${dd.recovery ? `recovered ${dd.recovery}` : 'not recovered'})` : ''}`],
    ['Calmar', fixed(s.calmar, 3)],
    ['hit rate', percent(s.hitRate)],
  ]));
}
