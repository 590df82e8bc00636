import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { summarizeEquity } from '../../src/metrics/summarize-equity.js';

describe('summarizeEquity', () => {
  it('summarises equity [100, 110, 99, 108.9] with hand-computed values', () => {
    // returns: 0.1, −0.1, 0.1 (108.9/99 = 1.1); growth 1.1·0.9·1.1 = 1.089 → total return 0.089
    // CAGR at P = 3: 1.089^(3/3) − 1 = 0.089
    // mean 0.1/3 = 0.0333…; deviations 0.0667, −0.1333, 0.0667; Σ² = 0.0266667; /2 → var 0.0133333
    // std = 0.1154700538; Sharpe = 0.0333333/0.1154700538·√3 = 0.5
    // DD = √(0.01/3) = 0.0577350269; Sortino = 0.0333333·3 / (0.0577350269·√3) = 1.0
    // MDD: 1 − 99/110 = 0.1, peak bar 1, trough bar 2; 108.9 < 110 so not recovered: duration 3 − 1 = 2
    // Calmar = 0.089 / 0.1 = 0.89; hit rate 2/3
    const s = summarizeEquity([100, 110, 99, 108.9], { periodsPerYear: 3, positions: [1, 0, 1] });
    expect(s.periods).toBe(3);
    expect(s.periodsPerYearSource).toBe('given');
    expect(s.totalReturn).toBeCloseTo(0.089, 12);
    expect(s.cagr).toBeCloseTo(0.089, 12);
    expect(s.sharpe).toBeCloseTo(0.5, 12);
    expect(s.sortino).toBeCloseTo(1.0, 12);
    expect(s.downsideDeviation).toBeCloseTo(Math.sqrt(0.01 / 3), 12);
    expect(s.maxDrawdown?.depth).toBeCloseTo(0.1, 12);
    expect(s.maxDrawdown).toMatchObject({ peakIndex: 1, troughIndex: 2, recoveryIndex: undefined, durationBars: 2 });
    expect(s.calmar).toBeCloseTo(0.89, 12);
    expect(s.hitRate).toBeCloseTo(2 / 3, 15);
    // positions [1, 0, 1] from flat: |1| + |−1| + |1| = 3 → 1 per period, 3 per year; 3 trades; in market 2/3
    expect(s.turnover).toEqual({ perPeriod: 1, annual: 3 });
    expect(s.tradeCount).toBe(3);
    expect(s.exposure).toEqual({ timeInMarket: 2 / 3, meanAbsPosition: 2 / 3 });
  });

  it('infers P from timestamps, else falls back to 252, and says which', () => {
    const day = 86_400_000;
    const timestamps = Array.from({ length: 30 }, (_, i) => Date.UTC(2024, 0, 1) + i * day);
    const equity = timestamps.map((_, i) => 100 + i);
    expect(summarizeEquity(equity, { timestamps })).toMatchObject({ periodsPerYear: 365, periodsPerYearSource: 'inferred' });
    expect(summarizeEquity(equity)).toMatchObject({ periodsPerYear: 252, periodsPerYearSource: 'default' });
  });

  it('returns undefined, never NaN, for a curve too short or too flat to define a metric', () => {
    const single = summarizeEquity([100]);
    for (const key of ['totalReturn', 'cagr', 'annualVolatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'hitRate'] as const) {
      expect(single[key]).toBeUndefined();
    }
    const flat = summarizeEquity([100, 100, 100]);
    expect([flat.sharpe, flat.sortino, flat.calmar, flat.hitRate]).toEqual([undefined, undefined, undefined, undefined]);
    expect(flat.annualVolatility).toBe(0);
    expect(JSON.stringify(flat)).not.toMatch(/NaN|null/);
  });

  it('rejects positions or timestamps of the wrong length and a bad P', () => {
    try {
      summarizeEquity([100, 101, 102], { positions: [1, 1, 1] });
      expect.unreachable();
    } catch (e) {
      expect(isTradegymError(e, 'E_BAD_ARGUMENT')).toBe(true);
      expect((e as Error).message).toMatch(/positions has 3 entries but equity has 3 points; pass one position per period \(2\)/);
    }
    expect(() => summarizeEquity([100, 101], { timestamps: [1] })).toThrow(/one timestamp per equity point/);
    expect(() => summarizeEquity([100, 101], { periodsPerYear: 0 })).toThrow(/positive number/);
  });
});
