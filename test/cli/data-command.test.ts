import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJsonLine, runInProcess, tempDir } from './cli-harness.js';

const BAD_CSV = [
  'timestamp,open,high,low,close,volume',
  '2020-01-01,10,11,9,10.5,100',
  '2020-01-02,10,11,9,abc,100',
  '',
  '2020-01-03,10,9,9,10.5,100',
  '2020-01-06,10,11,9,10.5,-5',
  '2020-01-07,10,11,9,10.5',
  '2019-12-31,10,11,9,10.5,5',
  'notadate,10,11,9,10.5,5',
  '2020-01-08,10,11,9,10.5,5',
  '',
].join('\n');

describe('tradegym data validate', () => {
  it('lists every problem with its line number and exits 1', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'bad.csv');
    await writeFile(file, BAD_CSV);
    const run = await runInProcess(['data', 'validate', file]);
    expect(run.code).toBe(1);
    const problems = run.stdout.split('\n').filter((l) => l.startsWith(`${file} line`));
    const lines = problems.map((l) => Number(/ line (\d+)/.exec(l)?.[1]));
    expect(lines).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(problems[0]).toContain('column "close"');
    expect(problems[0]).toContain('[E_CSV_BAD_VALUE]');
    expect(problems[1]).toContain('[E_CSV_MALFORMED_ROW]');
    expect(problems[2]).toContain('[E_CSV_OHLC_INCONSISTENT]');
    expect(problems[3]).toContain('[E_CSV_NEGATIVE_VOLUME]');
    expect(problems[4]).toContain('[E_CSV_MALFORMED_ROW]');
    expect(problems[5]).toContain('[E_CSV_UNSORTED]');
    expect(problems[6]).toContain('[E_CSV_BAD_TIMESTAMP]');
    expect(run.stdout).toContain('7 problem(s); 2 valid bars');
  });

  it('--json reports the problems as data on the last stdout line', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'bad.csv');
    await writeFile(file, BAD_CSV);
    const run = await runInProcess(['data', 'validate', file, '--json']);
    const json = lastJsonLine(run.stdout) as { valid: boolean; validRows: number; problems: Array<{ code: string; line: number }> };
    expect(json.valid).toBe(false);
    expect(json.validRows).toBe(2);
    expect(json.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('a missing column stops the check at the header with line 1', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'nohigh.csv');
    await writeFile(file, 'date,open,low,close\n2020-01-01,1,1,1\n');
    const run = await runInProcess(['data', 'validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('line 1, column "high"');
    expect(run.stdout).toContain('[E_CSV_MISSING_COLUMN]');
  });
});

describe('tradegym data generate → inspect', () => {
  it('round-trips: the generated file validates and inspects with the requested shape', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'hourly.csv');
    const generated = await runInProcess(['data', 'generate', '--out', file, '--bars', '500', '--seed', '4', '--symbol', 'hourly', '--interval', '1h', '--start', '2021-03-01', '--signal', 'momentum:0.4', '--json']);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain(`wrote ${file}: 500 bars`);

    const valid = await runInProcess(['data', 'validate', file]);
    expect(valid.code).toBe(0);
    expect(valid.stdout.trim()).toBe(`${file}: OK, 500 bars`);

    const inspected = await runInProcess(['data', 'inspect', file, '--json']);
    expect(inspected.code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked field by field below
    const json = lastJsonLine(inspected.stdout) as Record<string, any>;
    expect(json.rows).toBe(500);
    expect(json.first).toBe('2021-03-01T00:00:00Z');
    expect(json.last).toBe('2021-03-21T19:00:00Z');
    expect(json.interval).toBe('1h');
    expect(json.gaps.total).toBe(0);
    expect(json.returns.count).toBe(499);
    expect(json.returns.lag1Autocorrelation).toBeGreaterThan(0.2);
    // Same symbol (the file name) and bit-identical columns after the CSV round trip ⇒ same fingerprint.
    expect(json.fingerprint).toBe(lastJsonLine(generated.stdout).fingerprint);
    expect(inspected.stdout).toContain('lag-1 autocorr.');
  });

  it('the same seed writes the same file', async () => {
    const dir = await tempDir();
    const runs = await Promise.all(['a.csv', 'b.csv'].map((name) => runInProcess(['data', 'generate', '--out', path.join(dir, name), '--bars', '300', '--seed', '11', '--json'])));
    expect(lastJsonLine(runs[0]!.stdout).fingerprint).toBe(lastJsonLine(runs[1]!.stdout).fingerprint);
  });

  it('generate without --out is a usage error', async () => {
    const run = await runInProcess(['data', 'generate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out');
  });
});
