import { ADX } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { wilderAdx } from '../../src/features/wilder-adx.js';
import { flatBars, gbmBars } from './gbm-bars.js';

describe('wilderAdx', () => {
  it('equals technicalindicators ADX (adx, pdi, mdi) value for value, end-aligned at bar 2·14 − 1', () => {
    const s = gbmBars(createRng(11), 300);
    const lib = ADX.calculate({ high: Array.from(s.high), low: Array.from(s.low), close: Array.from(s.close), period: 14 });
    const own = wilderAdx(s.high, s.low, s.close, 14);
    expect(300 - lib.length).toBe(27);
    expect(Number.isNaN(own.adx[26])).toBe(true);
    lib.forEach((v, k) => {
      const t = 27 + k;
      expect(own.adx[t]).toBe(v.adx);
      expect(own.plusDI[t]).toBe(v.pdi);
      expect(own.minusDI[t]).toBe(v.mdi);
    });
  });

  it('stays finite when the series starts flat, where the library turns NaN for good', () => {
    const flat = flatBars(40, 50, 100);
    const s = gbmBars(createRng(12), 120, { startPrice: 50 });
    const high = Float64Array.from([...flat.high, ...s.high]);
    const low = Float64Array.from([...flat.low, ...s.low]);
    const close = Float64Array.from([...flat.close, ...s.close]);
    const lib = ADX.calculate({ high: Array.from(high), low: Array.from(low), close: Array.from(close), period: 14 });
    expect(Number.isNaN(lib[lib.length - 1]!.adx)).toBe(true);
    const own = wilderAdx(high, low, close, 14);
    for (let t = 27; t < close.length; t++) expect(Number.isFinite(own.adx[t]!)).toBe(true);
    expect(own.adx[27]).toBe(0);
    expect(own.adx[close.length - 1]).toBeGreaterThan(0);
  });
});
