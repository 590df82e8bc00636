import { describe, expect, it } from 'vitest';
import type { BacktestSpec } from '../../src/backtest/backtest-spec.js';
import { runTransferExperiment, sourceOf } from '../../src/runs/transfer-experiment.js';

/** A programmatic spec that skipped `validateBacktestSpec` (which would reject these too). */
function spec(extra: Record<string, unknown>): BacktestSpec {
  return {
    name: 't',
    data: { synthetic: { seed: 1, bars: 400 } },
    strategies: [{ trained: 'lora' }],
    transfer: { sources: [{ synthetic: { seed: 2, bars: 400 } }], pretrain: { steps: 64 }, lora: { rank: 2, alpha: 4, steps: 64 } },
    ...extra,
  } as BacktestSpec;
}

describe('runTransferExperiment', () => {
  it('refuses a spec that would fine-tune on the bars it backtests', async () => {
    await expect(runTransferExperiment(spec({}), { baseDir: '.', checkpointsDir: '/nonexistent' })).rejects.toThrow(/needs "split" or "range.from"/);
    await expect(runTransferExperiment(spec({ split: { train: 0.6, part: 'train' } }), { baseDir: '.', checkpointsDir: '/nonexistent' }))
      .rejects.toThrow(/cannot backtest the "train" split/);
  });
});

describe('sourceOf', () => {
  it('resolves CSV paths against the spec folder and keeps synthetic options', () => {
    expect(sourceOf({ csv: '../data/x.csv', adjClose: true }, '/work/backtests')).toEqual({ kind: 'csv', path: '/work/data/x.csv', label: '../data/x.csv', adjClose: true });
    expect(sourceOf({ synthetic: { seed: 4, bars: 100, symbol: 'S' } }, '/')).toEqual({ kind: 'synthetic', seed: 4, options: { bars: 100, symbol: 'S' }, label: 'S' });
  });
});
