import { describe, expect, it } from 'vitest';
import { smaCrossover, SMA_CROSSOVER } from '../../strategies/sma-crossover.js';
import { barsFromCloses, decideAll, integerWalk } from '../backtest/bars-fixture.js';

const LEVELS = [-1, -0.5, 0, 0.5, 1];
const FLAT = 2;
const LONG = 4;

/** Reference: SMAs recomputed from scratch each bar, last non-zero difference found by scanning back. */
function referenceDecisions(closes: number[], fast: number, slow: number, start: number): number[] {
  const sma = (t: number, w: number) => closes.slice(t - w + 1, t + 1).reduce((a, b) => a + b, 0) / w;
  const d = (t: number) => sma(t, fast) - sma(t, slow);
  let target = FLAT;
  const out: number[] = [];
  for (let t = start; t < closes.length - 1; t++) {
    if (t >= slow - 1) {
      let last = 0;
      for (let u = t - 1; u >= slow - 1 && last === 0; u--) last = Math.sign(d(u));
      if (d(t) > 0 && last < 0) target = LONG;
      if (d(t) < 0 && last > 0) target = FLAT;
    }
    out.push(target);
  }
  return out;
}

describe('smaCrossover', () => {
  it('crosses up after a run of equal SMAs when the last non-zero difference was negative', () => {
    // fast 1, slow 2: d(t) = (close(t) − close(t−1)) / 2.  d: −, 0, +, 0, 0, +, −
    const closes = [10, 9, 9, 10, 10, 10, 11, 10, 10];
    const actions = decideAll(smaCrossover({ fast: 1, slow: 2 }), barsFromCloses(closes), LEVELS);
    expect(actions).toEqual([FLAT, FLAT, FLAT, LONG, LONG, LONG, LONG, FLAT]);
  });

  it('does not cross when the difference returns to the same side after equal SMAs', () => {
    // d: +, 0, + (no cross: never negative) then −, 0, − (no cross up) then + (cross up)
    const closes = [10, 11, 11, 12, 11, 11, 10, 11, 11];
    const actions = decideAll(smaCrossover({ fast: 1, slow: 2 }), barsFromCloses(closes), LEVELS);
    expect(actions).toEqual([FLAT, FLAT, FLAT, FLAT, FLAT, FLAT, FLAT, LONG]);
  });

  it('matches a from-scratch reference on a random walk, from bar 0 and from a later start', () => {
    const closes = integerWalk(1500, 7);
    const bars = barsFromCloses(closes);
    for (const start of [0, 40, 700]) {
      const actions = decideAll(smaCrossover({ fast: 3, slow: 8 }), bars, LEVELS, start);
      expect(actions).toEqual(referenceDecisions(closes, 3, 8, start));
    }
    expect(decideAll(smaCrossover({ fast: 3, slow: 8 }), bars, LEVELS)).toContain(LONG);
  });

  it('uses the nearest levels on long-only level sets', () => {
    const actions = decideAll(smaCrossover({ fast: 1, slow: 2 }), barsFromCloses([10, 9, 10, 9]), [0, 0.5, 1]);
    expect(actions).toEqual([0, 0, 2]);
  });

  it('rejects fast ≥ slow naming both values', () => {
    expect(() => smaCrossover({ fast: 30, slow: 10 })).toThrow(/fast = 30 and slow = 10/);
    expect(() => SMA_CROSSOVER.create({ fast: 20, slow: 20 })).toThrow(/fast = 20 and slow = 20/);
  });

  it('validates params with field paths, types and valid fields, and fills defaults', () => {
    expect(() => SMA_CROSSOVER.create({ fast: 'ten' })).toThrow(/fast: expected integer, got string "ten"/);
    expect(() => SMA_CROSSOVER.create({ fats: 5 })).toThrow(/unknown field 'fats'; valid fields: fast, slow/);
    expect(() => SMA_CROSSOVER.create({ slow: 0 })).toThrow(/slow: expected a number >= 2, got number 0/);
    expect(() => SMA_CROSSOVER.create([1, 2])).toThrow(/must be a JSON object/);
    expect(SMA_CROSSOVER.create(undefined).name).toBe('sma-crossover(10,30)');
    expect(SMA_CROSSOVER.create({ slow: 50 }).name).toBe('sma-crossover(10,50)');
  });
});
