import { BollingerBands } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { bollingerBands } from '../../src/features/bollinger-bands.js';
import { flatBars, gbmBars } from './gbm-bars.js';

describe('bollingerBands', () => {
  it.each([
    [20, 2],
    [7, 1.5],
  ])('is bitwise equal to technicalindicators BollingerBands (period %i, k %f), end-aligned', (period, k) => {
    const close = gbmBars(createRng(51), 500).close;
    const lib = BollingerBands.calculate({ values: Array.from(close), period, stdDev: k });
    const own = bollingerBands(close, period, k);
    expect(500 - lib.length).toBe(period - 1);
    expect(own.percentB[period - 2]).toBeNaN();
    lib.forEach((v, j) => {
      expect(own.percentB[period - 1 + j]).toBe(v.pb);
      expect(own.bandwidth[period - 1 + j]).toBe((v.upper - v.lower) / v.middle);
    });
  });

  it('gives %B = 0/0 (NaN, replaced by the neutral value downstream) and bandwidth 0 on a flat window', () => {
    const own = bollingerBands(flatBars(30, 10, 0).close, 20, 2);
    expect(own.percentB[25]).toBeNaN();
    expect(own.bandwidth[25]).toBe(0);
  });
});
