import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { scaleVolatility } from '../../src/data/scale-volatility.js';
import { windowVolatility } from '../../src/data/window-volatility.js';
import { randomWalkBars } from '../envs/env-fixtures.js';

function logReturns(close: Float64Array): number[] {
  return Array.from({ length: close.length - 1 }, (_, i) => Math.log(close[i + 1]! / close[i]!));
}
const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const std = (x: number[]) => Math.sqrt(mean(x.map((v) => (v - mean(x)) ** 2)));

describe('scaleVolatility', () => {
  const bars = randomWalkBars(createRng(1), 500, 0.02);

  it('multiplies the std of close-to-close log returns by the scale and keeps their mean', () => {
    const r = logReturns(bars.close);
    for (const scale of [0.5, 2]) {
      const s = logReturns(scaleVolatility(bars, scale).close);
      expect(std(s) / std(r)).toBeCloseTo(scale, 9);
      expect(mean(s)).toBeCloseTo(mean(r), 12);
    }
  });

  it('keeps every bar OHLC-consistent and is the identity at scale 1', () => {
    const scaled = scaleVolatility(bars, 3);
    for (let t = 0; t < 500; t++) {
      expect(scaled.low[t]!).toBeLessThanOrEqual(Math.min(scaled.open[t]!, scaled.close[t]!) * (1 + 1e-12));
      expect(scaled.high[t]!).toBeGreaterThanOrEqual(Math.max(scaled.open[t]!, scaled.close[t]!) * (1 - 1e-12));
    }
    const same = scaleVolatility(bars, 1);
    same.close.forEach((c, i) => expect(c).toBeCloseTo(bars.close[i]!, 9));
    expect(() => scaleVolatility(bars, 0)).toThrow(/volatility scale/);
  });
});

describe('windowVolatility', () => {
  it('is the population std of each window of log returns (hand-computed)', () => {
    const close = Float64Array.from([100, 110, 99, 99, 108.9]);
    const v = windowVolatility(close, 2);
    const r = [Math.log(1.1), Math.log(0.9), 0, Math.log(1.1)];
    expect(v[0]).toBeCloseTo(Math.abs(r[0]! - r[1]!) / 2, 12);
    expect(v[1]).toBeCloseTo(Math.abs(r[1]! - r[2]!) / 2, 12);
    expect(v[2]).toBeCloseTo(Math.abs(r[2]! - r[3]!) / 2, 12);
    expect(Number.isNaN(v[3]!)).toBe(true);
  });
});
