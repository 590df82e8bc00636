import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../../src/backtest/comparison-table.js';
import { runBacktest } from '../../src/backtest/run-backtest.js';
import { barsFromCloses, integerWalk, scriptedStrategy } from './bars-fixture.js';

const bars = barsFromCloses(integerWalk(40, 3));
const result = runBacktest({ bars, strategy: scriptedStrategy(Array(40).fill(4)) });

describe('comparisonTable knowledge-transfer columns', () => {
  it('adds Weights and Forgetting only when a result has them, showing — for the others', () => {
    expect(comparisonTable([{ label: 'a', result }]).columns).not.toContain('Forgetting');
    const { columns, rows } = comparisonTable([
      { label: 'base', result, weightBytes: 20480, forgetting: 0 },
      { label: 'lora+ewc', result, weightBytes: 2048, forgetting: 0.123 },
      { label: 'lora', result, forgetting: -0.5 },
      { label: 'scratch', result, forgetting: null },
    ]);
    const weights = columns.indexOf('Weights');
    const forgetting = columns.indexOf('Forgetting');
    expect(rows.map((r) => r[weights])).toEqual(['20.0 KiB', '2.0 KiB', '—', '—']);
    expect(rows.map((r) => r[forgetting])).toEqual(['+0.00', '+0.12', '-0.50', '—']);
  });
});
