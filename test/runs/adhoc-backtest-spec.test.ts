import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adhocBacktestSpec, type AdhocBacktest } from '../../src/runs/adhoc-backtest-spec.js';

const BASE: AdhocBacktest = { strategies: ['sma-crossover'], data: 'data/sample/x.csv', seed: 1, initialCash: 1000, sizing: 'whole-shares' };

describe('adhocBacktestSpec', () => {
  it('turns flags into a validated spec: params go to the first rule strategy, dates into the range', () => {
    const spec = adhocBacktestSpec({ ...BASE, strategies: ['sma-crossover', 'buy-and-hold'], params: { fast: 5, slow: 20 }, from: '2015-01-01', commissionBps: 2 });
    expect(spec.strategies).toEqual([{ name: 'sma-crossover', params: { fast: 5, slow: 20 } }, { name: 'buy-and-hold' }]);
    expect(spec.range).toEqual({ from: '2015-01-01' });
    expect(spec.costs).toEqual({ commissionBps: 2 });
    expect(spec).toMatchObject({ seed: 1, initialCash: 1000, sizing: 'whole-shares', data: { csv: path.resolve('data/sample/x.csv') } });
  });

  it('recognises checkpoint directories and rejects anything else naming the rule strategies', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tradegym-adhoc-'));
    const checkpoint = path.join(dir, 'ck');
    await mkdir(checkpoint);
    await writeFile(path.join(checkpoint, 'manifest.json'), '{}');
    expect(adhocBacktestSpec({ ...BASE, strategies: [checkpoint], base: dir }).strategies).toEqual([{ checkpoint, base: dir }]);
    expect(() => adhocBacktestSpec({ ...BASE, strategies: [path.join(dir, 'missing')] })).toThrow(/buy-and-hold, sma-crossover, rsi-mean-reversion/);
    expect(() => adhocBacktestSpec({ ...BASE, strategies: [checkpoint], params: { fast: 1 } })).toThrow(/--params applies to a rule strategy/);
  });

  it('validates dates like a spec file', () => {
    expect(() => adhocBacktestSpec({ ...BASE, from: '2020-02-01', to: '2019-01-01' })).toThrow(/E_BAD_CONFIG|before|after/);
  });
});
