import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastJsonLine, runInProcess, tempDir } from './cli-harness.js';

// Equity 100 → 110 → 99 → 108.9: returns +10 %, −10 %, +10 %.
// mean = 1/30, std (ddof 1) = √(((2/30)² · 2 + (4/30)²) / 2) = √(1/75) ≈ 0.115470;
// Sharpe = mean / std · √252 = (1/30) · √75 · √252 ≈ 4.582576; MDD = 1 − 99/110 = 0.1.
const SHARPE = (1 / 30) * Math.sqrt(75) * Math.sqrt(252);

describe('tradegym metrics', () => {
  it('computes Sharpe and max drawdown of a hand-checked equity file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'equity.csv');
    await writeFile(file, 'date,equity\n2024-01-02,100\n2024-01-03,110\n2024-01-04,99\n2024-01-05,108.9\n');
    const run = await runInProcess(['metrics', file, '--equity', '--periods-per-year', '252', '--json']);
    expect(run.code).toBe(0);
    const json = lastJsonLine(run.stdout);
    expect(json.sharpe).toBeCloseTo(SHARPE, 9);
    expect(json.maxDrawdown).toBeCloseTo(0.1, 12);
    expect(json.totalReturn).toBeCloseTo(0.089, 12);
    expect(json.periods).toBe(3);
    expect(json.maxDrawdownDates).toEqual({ peak: '2024-01-03', trough: '2024-01-04', recovery: null });
    expect(run.stdout).toContain('Sharpe');
  });

  it('reads a returns column (by flag or by name) as the same series', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'returns.csv');
    await writeFile(file, 'date,strategy_return\n2024-01-03,0.1\n2024-01-04,-0.1\n2024-01-05,0.1\n');
    const byName = lastJsonLine((await runInProcess(['metrics', file, '--periods-per-year', '252', '--json'])).stdout);
    expect(byName.kind).toBe('returns');
    expect(byName.sharpe).toBeCloseTo(SHARPE, 9);
    expect(byName.maxDrawdown).toBeCloseTo(0.1, 12);
    const byFlag = lastJsonLine((await runInProcess(['metrics', file, '--returns', '--periods-per-year', '252', '--json'])).stdout);
    expect(byFlag.sharpe).toBe(byName.sharpe);
  });

  it('infers P = 252 from business-day dates', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'equity.csv');
    await writeFile(file, 'date,equity\n2024-01-02,100\n2024-01-03,110\n2024-01-04,99\n2024-01-05,108.9\n2024-01-08,109\n');
    const json = lastJsonLine((await runInProcess(['metrics', file, '--json'])).stdout);
    expect(json.periodsPerYear).toBe(252);
    expect(json.periodsPerYearSource).toBe('inferred');
  });

  it('rejects a non-positive equity value, pointing at the line and at --returns', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'pnl.csv');
    await writeFile(file, 'date,value\n2024-01-02,0.01\n2024-01-03,-0.02\n');
    const run = await runInProcess(['metrics', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 3');
    expect(run.stderr).toContain('--returns');
  });

  it('--returns and --equity together is a usage error', async () => {
    const run = await runInProcess(['metrics', 'x.csv', '--returns', '--equity']);
    expect(run.code).toBe(2);
  });
});
