import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { barCount, type BarSeries } from '../../src/data/bar-series.js';
import { generateSyntheticMarket } from '../../src/data/synthetic-market.js';
import type { SyntheticMarketOptions } from '../../src/data/synthetic-market-options.js';

function closeLogReturns(series: BarSeries): Float64Array {
  const c = series.close;
  return Float64Array.from({ length: c.length - 1 }, (_, i) => Math.log(c[i + 1]! / c[i]!));
}

/** Sample autocorrelation at `lag`. */
function autocorrelation(x: ArrayLike<number>, lag: number): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]! / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    den += (x[i]! - mean) ** 2;
    if (i >= lag) num += (x[i]! - mean) * (x[i - lag]! - mean);
  }
  return num / den;
}

const market = (options: SyntheticMarketOptions, seed: number) => generateSyntheticMarket(options, createRng(seed));

describe('generateSyntheticMarket', () => {
  it('same seed ⇒ identical bars and regimes; different seed ⇒ different bars', () => {
    const a = market({ bars: 500 }, 42);
    const b = market({ bars: 500 }, 42);
    const c = market({ bars: 500 }, 43);
    for (const key of ['timestamps', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(Array.from(b.series[key])).toEqual(Array.from(a.series[key]));
    }
    expect(Array.from(b.regimePath!)).toEqual(Array.from(a.regimePath!));
    expect(Array.from(c.series.close)).not.toEqual(Array.from(a.series.close));
  });

  it.each<SyntheticMarketOptions>([
    { bars: 3000 },
    { bars: 3000, kind: 'random-walk' },
    { bars: 3000, signal: { kind: 'mean-reversion', strength: 0.5 }, priceDecimals: 2 },
    { bars: 3000, volatilityPerBar: 0.05, driftPerBar: -0.01, priceDecimals: 2 },
  ])('bars are positive and OHLC-consistent: %j', (options) => {
    const { series } = market(options, 7);
    expect(barCount(series)).toBe(options.bars);
    for (let i = 0; i < barCount(series); i++) {
      const [o, h, l, c, v] = [series.open[i]!, series.high[i]!, series.low[i]!, series.close[i]!, series.volume[i]!];
      expect(l).toBeGreaterThan(0);
      expect(l).toBeLessThanOrEqual(Math.min(o, c));
      expect(h).toBeGreaterThanOrEqual(Math.max(o, c));
      expect(v).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(v)).toBe(true);
    }
  });

  it('a planted momentum signal shows up as positive lag-1 autocorrelation ≈ φ', () => {
    const r = closeLogReturns(market({ bars: 8000, signal: { kind: 'momentum', strength: 0.3 } }, 1).series);
    expect(autocorrelation(r, 1)).toBeGreaterThan(0.2);
    expect(autocorrelation(r, 1)).toBeLessThan(0.4);
  });

  it('a planted mean-reversion signal shows up as negative lag-1 autocorrelation ≈ −φ', () => {
    const r = closeLogReturns(market({ bars: 8000, signal: { kind: 'mean-reversion', strength: 0.3 } }, 1).series);
    expect(autocorrelation(r, 1)).toBeLessThan(-0.2);
    expect(autocorrelation(r, 1)).toBeGreaterThan(-0.4);
  });

  it('the random walk has ~0 autocorrelation of returns and of |returns|, and no regimes', () => {
    const m = market({ bars: 20000, kind: 'random-walk' }, 3);
    const r = closeLogReturns(m.series);
    expect(Math.abs(autocorrelation(r, 1))).toBeLessThan(0.03);
    expect(Math.abs(autocorrelation(r.map(Math.abs), 1))).toBeLessThan(0.03);
    expect(m.regimePath).toBeUndefined();
  });

  it('regimes actually switch and all three occur', () => {
    const path = market({ bars: 2520 }, 5).regimePath!;
    let switches = 0;
    for (let t = 1; t < path.length; t++) if (path[t] !== path[t - 1]) switches++;
    expect(switches).toBeGreaterThan(10);
    expect(new Set(path).size).toBe(3);
  });

  it('GARCH produces volatility clustering that disappears with α = 0', () => {
    const flat = { bull: { driftMultiplier: 0, volMultiplier: 1 }, bear: { driftMultiplier: 0, volMultiplier: 1 }, sideways: { driftMultiplier: 0, volMultiplier: 1 } };
    const regimes = { ...flat, transition: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], initial: 'sideways' as const };
    const absAc = (alpha: number, beta: number) =>
      autocorrelation(closeLogReturns(market({ bars: 20000, regimes, garch: { alpha, beta } }, 9).series).map(Math.abs), 1);
    expect(absAc(0.1, 0.85)).toBeGreaterThan(0.1);
    expect(Math.abs(absAc(0, 0))).toBeLessThan(0.03);
  });

  it('volume rises with |return|', () => {
    const m = market({ bars: 5000 }, 4);
    const abs = m.logReturns.map(Math.abs);
    const big: number[] = [];
    const small: number[] = [];
    const median = Float64Array.from(abs).sort()[abs.length >> 1]!;
    abs.forEach((a, i) => (a > median ? big : small).push(m.series.volume[i]!));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(big)).toBeGreaterThan(1.3 * mean(small));
  });

  it('daily bars fall on business days at 00:00 UTC; a fixed interval is honoured', () => {
    const daily = market({ bars: 30, startTimestampMs: Date.UTC(2021, 0, 2) }, 1).series; // a Saturday
    expect(daily.timestamps[0]).toBe(Date.UTC(2021, 0, 4));
    for (const t of daily.timestamps) {
      expect(t % 86_400_000).toBe(0);
      expect([1, 2, 3, 4, 5]).toContain(new Date(t).getUTCDay());
    }
    const hourly = market({ bars: 10, intervalMs: 3_600_000, startTimestampMs: 0 }, 1).series;
    expect(hourly.intervalMs).toBe(3_600_000);
    expect(hourly.timestamps[9]).toBe(9 * 3_600_000);
  });

  it('uses the start price, symbol and price rounding', () => {
    const { series } = market({ bars: 100, startPrice: 1.1, symbol: 'EURUSD', priceDecimals: 5 }, 2);
    expect(series.open[0]).toBe(1.1);
    expect(series.symbol).toBe('EURUSD');
    for (const p of series.close) expect(Number(p.toFixed(5))).toBe(p);
  });

  it.each<[string, SyntheticMarketOptions]>([
    ['bars', { bars: 0 }],
    ['strength', { bars: 10, signal: { kind: 'momentum', strength: 1 } }],
    ['degreesOfFreedom', { bars: 10, degreesOfFreedom: 2 }],
    ['alpha + beta < 1', { bars: 10, garch: { alpha: 0.2, beta: 0.8 } }],
    ['sum to 1', { bars: 10, regimes: { bull: { driftMultiplier: 1, volMultiplier: 1 }, bear: { driftMultiplier: 1, volMultiplier: 1 }, sideways: { driftMultiplier: 1, volMultiplier: 1 }, transition: [[0.5, 0.5, 0.5], [0, 1, 0], [0, 0, 1]], initial: 'bull' } }],
    ['does not apply', { bars: 10, kind: 'random-walk', signal: { kind: 'momentum', strength: 0.1 } }],
  ])('rejects bad options with E_BAD_ARGUMENT naming %s', (phrase, options) => {
    expect(() => market(options, 1)).toThrow(expect.objectContaining({ code: 'E_BAD_ARGUMENT', message: expect.stringContaining(phrase) }));
  });
});
