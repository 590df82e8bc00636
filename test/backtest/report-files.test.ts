import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestRunFiles } from '../../src/backtest/backtest-run-files.js';
import { comparisonTable, formatComparisonTable } from '../../src/backtest/comparison-table.js';
import type { LabeledResult } from '../../src/backtest/labeled-result.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { runFolderName, writeRunFolder } from '../../src/backtest/write-run-folder.js';
import { buyAndHold } from '../../strategies/buy-and-hold.js';
import { smaCrossover } from '../../strategies/sma-crossover.js';
import { barsFromCloses, integerWalk, scriptedStrategy } from './bars-fixture.js';

const bars = barsFromCloses(integerWalk(300, 17));
const results: LabeledResult[] = [
  { label: 'buy & hold', result: runBacktest({ bars, strategy: buyAndHold() }) },
  { label: 'SMA, 5/20', result: runBacktest({ bars, strategy: smaCrossover({ fast: 5, slow: 20 }) }) },
];

function content(rs: readonly LabeledResult[] = results) {
  return {
    title: 'demo <test>',
    results: rs,
    manifest: { seed: 1, dataFingerprint: 'abc' },
    details: { data: 'walk', seed: '1' },
  };
}

describe('comparison table', () => {
  it('formats each metric of each strategy and aligns the columns', () => {
    const { columns, rows } = comparisonTable(results);
    const sma = results[1]!.result;
    expect(rows[1]![0]).toBe('SMA, 5/20');
    expect(rows[1]![columns.indexOf('Sharpe')]).toBe(sma.metrics.sharpe!.toFixed(2));
    expect(rows[1]![columns.indexOf('Total return')]).toBe(`${(sma.metrics.totalReturn! * 100).toFixed(2)}%`);
    expect(rows[1]![columns.indexOf('Max DD')]).toBe(`${(-sma.metrics.maxDrawdown!.depth * 100).toFixed(2)}%`);
    expect(rows[1]![columns.indexOf('Trades')]).toBe(String(sma.trades.length));
    const lines = formatComparisonTable(results).split('\n');
    expect(lines).toHaveLength(4);
    const sharpeEnd = lines[0]!.indexOf('Sharpe') + 'Sharpe'.length;
    for (const line of lines.slice(2)) expect(line[sharpeEnd - 1]).toMatch(/\d/);
    expect(lines[2]!.startsWith('buy & hold ')).toBe(true);
  });

  it('shows undefined metrics as a dash and adds training columns when given', () => {
    const flat = runBacktest({ bars: barsFromCloses([10, 10, 10, 10]), strategy: scriptedStrategy([2, 2, 2]) });
    const { columns, rows } = comparisonTable([{ label: 'flat', result: flat, trainableParams: 12_345, trainSeconds: 3.21 }]);
    expect(rows[0]![columns.indexOf('Sharpe')]).toBe('—');
    expect(rows[0]![columns.indexOf('Trainable params')]).toBe('12,345');
    expect(rows[0]![columns.indexOf('Train time')]).toBe('3.2 s');
  });
});

describe('backtest run files', () => {
  const files = backtestRunFiles(content());

  it('equity.csv has one row per bar with each strategy’s equity and position', () => {
    const lines = files['equity.csv']!.trimEnd().split('\n');
    expect(lines[0]).toBe('timestamp,close,equity:buy & hold,position:buy & hold,"equity:SMA, 5/20","position:SMA, 5/20"');
    expect(lines).toHaveLength(301);
    const row = lines[150]!.split(',');
    expect(Number(row[2])).toBe(results[0]!.result.equity[149]);
    expect(Number(row[5])).toBe(results[1]!.result.positions[148]);
    expect(lines[1]!.split(',')[3]).toBe('');
  });

  it('trades.csv lists every fill with its strategy, quoting labels with commas', () => {
    const lines = files['trades.csv']!.trimEnd().split('\n');
    const total = results[0]!.result.trades.length + results[1]!.result.trades.length;
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]!.startsWith('strategy,bar_index,timestamp,side,quantity')).toBe(true);
    expect(lines.at(-1)!.startsWith('"SMA, 5/20",')).toBe(true);
  });

  it('metrics.json holds the metrics with null for undefined ones', () => {
    const json = JSON.parse(files['metrics.json']!);
    expect(json.strategies[1].metrics.sharpe).toBe(results[1]!.result.metrics.sharpe);
    expect(json.strategies[1].finalEquity).toBe(results[1]!.result.finalEquity);
    expect(json.strategies[0].trainableParams).toBeNull();
    expect(JSON.parse(files['manifest.json']!)).toEqual({ seed: 1, dataFingerprint: 'abc' });
  });

  it('report.html is self-contained and shows the metrics table, charts and fills', () => {
    const html = files['report.html']!;
    const { rows } = comparisonTable(results);
    for (const cell of rows.flat()) expect(html).toContain(cell.replace(/&/g, '&amp;'));
    expect(html).toContain('demo &lt;test&gt;');
    expect(html.match(/<svg /g)).toHaveLength(2 + results.length);
    const fills = results.reduce((n, r) => n + r.result.trades.length, 0);
    expect(html.match(/class="(buy|sell)"/g)).toHaveLength(fills);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:/);
  });

  it('writes a run folder atomically and never overwrites an existing one', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'tradegym-runs-'));
    const name = runFolderName('demo', new Date(Date.UTC(2024, 0, 31, 14, 25, 30)));
    expect(name).toBe('demo-20240131-142530');
    const first = await writeRunFolder(parent, name, files);
    const second = await writeRunFolder(parent, name, files);
    expect(second).toBe(`${first}-2`);
    expect((await readdir(parent)).sort()).toEqual([name, `${name}-2`]);
    expect((await readdir(first)).sort()).toEqual(['equity.csv', 'manifest.json', 'metrics.json', 'report.html', 'trades.csv']);
    expect(await readFile(join(first, 'metrics.json'), 'utf8')).toBe(files['metrics.json']);
  });
});
