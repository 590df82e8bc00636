import { RSI } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { rsiMeanReversion, RSI_MEAN_REVERSION } from '../../strategies/rsi-mean-reversion.js';
import { WilderRsi } from '../../strategies/wilder-rsi.js';
import { barsFromCloses, decideAll, integerWalk } from '../backtest/bars-fixture.js';

const LEVELS = [-1, -0.5, 0, 0.5, 1];
const FLAT = 2;
const LONG = 4;

function rsiSeries(closes: number[], period: number): number[] {
  const rsi = new WilderRsi(period);
  const out = [Number.NaN];
  for (let i = 1; i < closes.length; i++) {
    rsi.update(closes[i]! - closes[i - 1]!);
    out.push(rsi.value);
  }
  return out;
}

describe('WilderRsi', () => {
  it('gives 50 then 83.33 for closes 10, 11, 10, 12 with period 2 (hand-computed)', () => {
    const values = rsiSeries([10, 11, 10, 12], 2);
    expect(values[1]).toBeNaN();
    expect(values[2]).toBe(50);
    expect(values[3]).toBeCloseTo(100 - 100 / 6, 12);
  });

  it('is 100 with only gains and 50 with no change', () => {
    expect(rsiSeries([1, 2, 3], 2)[2]).toBe(100);
    expect(rsiSeries([1, 1, 1], 2)[2]).toBe(50);
  });

  it('matches technicalindicators RSI 14 up to its 2-decimal rounding', () => {
    const closes = integerWalk(400, 3);
    const ours = rsiSeries(closes, 14).slice(14);
    const theirs = RSI.calculate({ period: 14, values: closes });
    expect(theirs).toHaveLength(ours.length);
    ours.forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThanOrEqual(0.005 + 1e-9));
  });
});

describe('rsiMeanReversion', () => {
  it('goes long below lower, holds in between, goes flat above upper (hand-computed)', () => {
    // period 2 RSI at t = 2 … 5: 0, 50, 75, 87.5
    const closes = [10, 9, 8, 9, 10, 11, 10.5];
    const actions = decideAll(rsiMeanReversion({ period: 2, lower: 30, upper: 70 }), barsFromCloses(closes), LEVELS);
    expect(actions).toEqual([FLAT, FLAT, LONG, LONG, FLAT, FLAT]);
  });

  it('applies the rule to the full-history RSI from any start', () => {
    const closes = integerWalk(800, 11);
    const rsi = rsiSeries(closes, 5);
    for (const start of [0, 3, 300]) {
      let target = FLAT;
      const expected: number[] = [];
      for (let t = start; t < closes.length - 1; t++) {
        if (rsi[t]! < 25) target = LONG;
        else if (rsi[t]! > 75) target = FLAT;
        expected.push(target);
      }
      const strategy = rsiMeanReversion({ period: 5, lower: 25, upper: 75 });
      expect(decideAll(strategy, barsFromCloses(closes), LEVELS, start)).toEqual(expected);
    }
  });

  it('rejects inconsistent thresholds and bad fields', () => {
    expect(() => rsiMeanReversion({ period: 14, lower: 70, upper: 30 })).toThrow(/lower = 70, upper = 30/);
    expect(() => RSI_MEAN_REVERSION.create({ upper: 120 })).toThrow(/upper: expected a number < 100, got number 120/);
    expect(() => RSI_MEAN_REVERSION.create({ period: 1.5 })).toThrow(/period: expected integer/);
    expect(RSI_MEAN_REVERSION.create({}).name).toBe('rsi-mean-reversion(14,30,70)');
  });
});
