/** Directly computed for speed, so it must equal technicalindicators bit for bit. */
import { Stochastic } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { stochasticOscillator } from '../../src/features/stochastic-oscillator.js';
import { flatBars, gbmBars } from './gbm-bars.js';

const s = gbmBars(createRng(61), 500);
const hlc = { high: Array.from(s.high), low: Array.from(s.low), close: Array.from(s.close) };

describe('stochasticOscillator', () => {
  it.each([
    [14, 3],
    [5, 1],
  ])('is bitwise equal to technicalindicators Stochastic (period %i, signal %i), end-aligned', (period, signalPeriod) => {
    const lib = Stochastic.calculate({ ...hlc, period, signalPeriod });
    const own = stochasticOscillator(s.high, s.low, s.close, period, signalPeriod);
    expect(500 - lib.length).toBe(period - 1);
    expect(own.k[period - 2]).toBeNaN();
    expect(own.d[period + signalPeriod - 3]).toBeNaN();
    lib.forEach((v, j) => {
      expect(own.k[period - 1 + j]).toBe(v.k);
      expect(own.d[period - 1 + j]).toBe(v.d ?? NaN);
    });
  });

  it('gives %K = 0 on a flat range, like the library', () => {
    const f = flatBars(30, 10, 0);
    expect(stochasticOscillator(f.high, f.low, f.close, 14, 3).k[20]).toBe(0);
  });
});
