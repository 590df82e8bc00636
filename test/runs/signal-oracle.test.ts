import { describe, expect, it } from 'vitest';
import type { TradingInfo } from '../../envs/trading-info.js';
import { createBarSeries } from '../../src/data/bar-series.js';
import { ar1OracleDecision } from '../../src/runs/signal-oracle.js';

const closes = [100, 101, 100, 100.01];
const series = createBarSeries({
  symbol: 'T',
  timestamps: Float64Array.from(closes, (_, i) => Date.UTC(2020, 0, 6 + i)),
  open: Float64Array.from(closes),
  high: Float64Array.from(closes, (c) => c * 1.01),
  low: Float64Array.from(closes, (c) => c * 0.99),
  close: Float64Array.from(closes),
  volume: new Float64Array(closes.length).fill(1000),
});
const levels = [-1, -0.5, 0, 0.5, 1];

function decisions(phi: number, driftPerBar = 0): number[] {
  const decide = ar1OracleDecision(series, { phi, driftPerBar }, levels);
  // the oracle reads only the observed bar's index from the info
  return [1, 2, 3].map((barIndex) => decide(new Float32Array(20), { barIndex } as TradingInfo));
}

describe('ar1OracleDecision', () => {
  it('goes fully long after an up bar and fully short after a down bar under momentum', () => {
    // r_1 = log(101/100) > 0 → long (action 4); r_2 < 0 → short (action 0); r_3 = +0.0001 → long
    expect(decisions(0.3)).toEqual([4, 0, 4]);
  });

  it('does the opposite under mean reversion', () => {
    expect(decisions(-0.3)).toEqual([0, 4, 0]);
  });

  it('lets the drift win when the last return is tiny: μ + φ(r − μ) with μ = 0.001, r_3 ≈ 0.0001', () => {
    // mean reversion: 0.001 − 0.3·(0.0001 − 0.001) > 0 → long
    expect(decisions(-0.3, 0.001)[2]).toBe(4);
  });
});
