import { describe, expect, it } from 'vitest';
import { isTradegymError, type TradegymError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { sliceBars, type BarSeries } from '../../src/data/bar-series.js';
import { computeFeatures } from '../../src/features/compute-features.js';
import { DEFAULT_FEATURE_NAMES, featureWarmupBars } from '../../src/features/feature-catalog.js';
import type { FeatureMatrix } from '../../src/features/feature-matrix.js';
import { flatBars, gbmBars } from './gbm-bars.js';

const WARMUP = featureWarmupBars();

/** Every value after warm-up finite and within ±clip; every warm-up value 0. */
function expectWellFormed(m: FeatureMatrix, clip = 5): void {
  for (let i = 0; i < m.values.length; i++) {
    const v = m.values[i]!;
    if (i < m.firstValidIndex * m.dim) expect(v).toBe(0);
    else if (!(Number.isFinite(v) && Math.abs(v) <= clip)) throw new Error(`row ${Math.floor(i / m.dim)} ${m.names[i % m.dim]} = ${v}`);
  }
}

function catchError(fn: () => unknown): TradegymError {
  try {
    fn();
  } catch (e) {
    if (isTradegymError(e)) return e;
    throw e;
  }
  throw new Error('expected a TradegymError');
}

describe('computeFeatures', () => {
  it('returns rows × 20 row-major values named by DEFAULT_FEATURE_NAMES, valid from the warm-up on', () => {
    const m = computeFeatures(gbmBars(createRng(1), 400));
    expect(m.names).toEqual(DEFAULT_FEATURE_NAMES);
    expect(m.dim).toBe(20);
    expect(m.rows).toBe(400);
    expect(m.values).toHaveLength(400 * 20);
    expect(m.firstValidIndex).toBe(WARMUP);
    expectWellFormed(m);
  });

  it('scales to roughly unit range: every feature varies, none sits at the clip', () => {
    const m = computeFeatures(gbmBars(createRng(2), 2000));
    for (let j = 0; j < m.dim; j++) {
      const col = Array.from({ length: m.rows - m.firstValidIndex }, (_, k) => m.values[(m.firstValidIndex + k) * m.dim + j]!);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      expect(sd, m.names[j]).toBeGreaterThan(0.1);
      expect(sd, m.names[j]).toBeLessThan(2);
      expect(col.filter((v) => Math.abs(v) === 5).length / col.length, m.names[j]).toBeLessThan(0.01);
    }
  });

  it('honours a smaller clip range', () => {
    const m = computeFeatures(gbmBars(createRng(3), 400), { clip: 1.5 });
    expectWellFormed(m, 1.5);
    expect(Array.from(m.values).some((v) => Math.abs(v) === 1.5)).toBe(true);
  });

  it('is deterministic: the same bars give bitwise identical values', () => {
    const a = computeFeatures(gbmBars(createRng(4), 300));
    const b = computeFeatures(gbmBars(createRng(4), 300));
    expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
  });

  it('stays finite on a constant-price series and neutral where nothing moves', () => {
    const m = computeFeatures(flatBars(300, 42, 1000));
    expectWellFormed(m);
    const row = Array.from(m.values.subarray(299 * 20, 300 * 20));
    const byName = Object.fromEntries(m.names.map((n, j) => [n, row[j]]));
    expect(byName['logret_1']).toBe(0);
    expect(byName['bb_pctb_20']).toBe(0);
    expect(byName['adx_14']).toBe(-1);
    expect(byName['williams_r_50']).toBe(0);
  });

  it('stays finite with zero volume, and on a series that starts flat', () => {
    const zeroVolume = gbmBars(createRng(5), 300);
    zeroVolume.volume.fill(0);
    const zm = computeFeatures(zeroVolume);
    expectWellFormed(zm);
    expect(zm.values[299 * 20 + zm.names.indexOf('mfi_14')]).toBe(0);
    expect(zm.values[299 * 20 + zm.names.indexOf('obv_slope_20')]).toBe(0);
    const moving = gbmBars(createRng(6), 300, { startPrice: 42 });
    const flat = flatBars(100, 42, 0);
    const join = (k: 'timestamps' | 'open' | 'high' | 'low' | 'close' | 'volume') =>
      Float64Array.from([...flat[k], ...moving[k].map((v) => (k === 'timestamps' ? v + 100 * 86_400_000 : v))]);
    const startsFlat: BarSeries = {
      ...moving,
      timestamps: join('timestamps'), open: join('open'), high: join('high'),
      low: join('low'), close: join('close'), volume: join('volume'),
    };
    expectWellFormed(computeFeatures(startsFlat));
  });

  it('fails with E_DATA_TOO_SHORT saying how many bars are needed and present', () => {
    const bars = gbmBars(createRng(7), WARMUP + 1);
    expect(computeFeatures(bars).firstValidIndex).toBe(WARMUP);
    const error = catchError(() => computeFeatures(sliceBars(bars, 0, WARMUP)));
    expect(error.code).toBe('E_DATA_TOO_SHORT');
    expect(error.message).toContain(`has ${WARMUP} bars`);
    expect(error.message).toContain(`needs at least ${WARMUP + 1}`);
  });

  it('rejects a non-positive price with E_BAD_ARGUMENT naming the bar and field', () => {
    const bars = gbmBars(createRng(8), 300);
    bars.low[123] = 0;
    const error = catchError(() => computeFeatures(bars));
    expect(error.code).toBe('E_BAD_ARGUMENT');
    expect(error.message).toContain('bar 123 has low = 0');
  });
});
