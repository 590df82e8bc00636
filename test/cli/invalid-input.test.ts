import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from './cli-harness.js';

/** Non-empty stderr lines apart from commander's usage hint. */
function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('(run with --help'));
}

describe('invalid flags and input', () => {
  it('--sizing foo names the valid modes, one line, exit 2', async () => {
    const run = await runInProcess(['backtest', '--strategy', 'buy-and-hold', '--data', 'x.csv', '--sizing', 'foo']);
    expect(run.code).toBe(2);
    const lines = errorLines(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("'foo' is invalid");
    expect(lines[0]).toContain('fractional, whole-shares');
    expect(run.stdout).toBe('');
  });

  it('--backend names the backends', async () => {
    const run = await runInProcess(['merge', '--base', 'a', '--adapter', 'b', '--out', 'c', '--backend', 'tpu']);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)[0]).toContain('auto, tensorflow-gpu, tensorflow, wasm, cpu');
  });

  it('--reward names the built-in rewards', async () => {
    const run = await runInProcess(['pretrain', '--markets', 'a.csv', '--out', 'x', '--reward', 'sharpie']);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)[0]).toContain('log-return, differential-sharpe, drawdown-penalty, sharpe-drawdown');
  });

  it('numbers out of range say what is expected', async () => {
    const seed = await runInProcess(['data', 'generate', '--out', 'x.csv', '--seed', '-3']);
    expect(seed.code).toBe(2);
    expect(errorLines(seed.stderr)[0]).toContain('Expected an integer ≥ 0');
    const bps = await runInProcess(['backtest', '--strategy', 'buy-and-hold', '--data', 'x.csv', '--commission-bps', 'ten']);
    expect(bps.code).toBe(2);
    expect(errorLines(bps.stderr)[0]).toContain('Expected a number ≥ 0 and ≤ 500');
    const band = await runInProcess(['backtest', '--strategy', 'buy-and-hold', '--data', 'x.csv', '--rebalance-band', '1']);
    expect(band.code).toBe(2);
    expect(errorLines(band.stderr)[0]).toContain('Expected a number ≥ 0 and < 1');
  });

  it('--params must be a JSON object', async () => {
    const run = await runInProcess(['backtest', '--strategy', 'sma-crossover', '--data', 'x.csv', '--params', '[1,2]']);
    expect(run.code).toBe(2);
    expect(errorLines(run.stderr)[0]).toContain('Expected a JSON object');
  });

  it('an unknown command suggests the close one', async () => {
    const run = await runInProcess(['bactest']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('backtest');
  });

  it('a missing file is one error line with its code and no stack; --debug adds the stack', async () => {
    const run = await runInProcess(['data', 'inspect', '/nonexistent/bars.csv']);
    expect(run.code).toBe(1);
    expect(errorLines(run.stderr)).toEqual([expect.stringMatching(/^error \[E_FILE_UNREADABLE\]: \/nonexistent\/bars\.csv: cannot read the file/)]);
    const debug = await runInProcess(['data', 'inspect', '/nonexistent/bars.csv', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('a bad strategy spec lists every problem with its field', async () => {
    const dir = await tempDir();
    const spec = path.join(dir, 'bad.json');
    await writeFile(spec, JSON.stringify({ name: 'bad', data: { csv: 'x.csv' }, strategies: [], sizing: 'all-in' }));
    const run = await runInProcess(['backtest', spec]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [E_BAD_CONFIG]');
    expect(run.stderr).toContain('strategies');
    expect(run.stderr).toContain('sizing');
  });

  it('a backtest with an unknown strategy names the valid ones', async () => {
    const run = await runInProcess(['backtest', '--strategy', 'moon-phase', '--data', 'x.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('buy-and-hold, sma-crossover, rsi-mean-reversion');
  });
});
