import { describe, expect, it } from 'vitest';
import { isTradegymError } from '../../src/core/errors.js';
import { DEFAULT_FEATURES, DEFAULT_FEATURE_NAMES, featureCatalog, featureWarmupBars } from '../../src/features/feature-catalog.js';
import { DEFAULT_FEATURE_CONFIG, resolveFeatureConfig } from '../../src/features/feature-config.js';

describe('DEFAULT_FEATURES', () => {
  it('lists exactly 20 uniquely named features, each with family, formula, window and scaling', () => {
    expect(DEFAULT_FEATURES).toHaveLength(20);
    expect(new Set(DEFAULT_FEATURE_NAMES).size).toBe(20);
    expect(new Set(DEFAULT_FEATURES.map((f) => f.key)).size).toBe(20);
    for (const f of DEFAULT_FEATURES) {
      expect(['trend', 'momentum', 'volatility', 'volume', 'return']).toContain(f.family);
      expect(f.formula.length).toBeGreaterThan(5);
      expect(f.scaling).toMatch(/clipped to ±5/);
      expect(Number.isInteger(f.window) && f.window >= 1).toBe(true);
    }
  });

  it('covers all five families', () => {
    expect(new Set(DEFAULT_FEATURES.map((f) => f.family))).toEqual(new Set(['trend', 'momentum', 'volatility', 'volume', 'return']));
  });

  it('names the default columns in order', () => {
    expect(DEFAULT_FEATURE_NAMES).toEqual([
      'logret_1', 'logret_5', 'logret_20', 'rsi_14', 'macd_line_12_26', 'macd_signal_9', 'macd_hist',
      'bb_pctb_20', 'bb_width_20', 'atr_14_rel', 'adx_14', 'di_spread_14', 'stoch_k_14', 'stoch_d_3',
      'cci_20', 'williams_r_50', 'mfi_14', 'obv_slope_20', 'sma_10_50_ratio', 'rvol_20',
    ]);
  });

  it('describes bounded oscillators by their affine rescaling', () => {
    const rsi = DEFAULT_FEATURES.find((f) => f.key === 'rsi')!;
    expect(rsi.scaling).toBe('(x − 50) / 50, clipped to ±5');
    const wr = DEFAULT_FEATURES.find((f) => f.key === 'williamsR')!;
    expect(wr.scaling).toBe('(x + 50) / 50, clipped to ±5');
  });
});

describe('featureWarmupBars', () => {
  it('is 148 by default: SMA 50 is defined from bar 49, its 100-bar RMS normaliser from bar 49 + 99', () => {
    expect(featureWarmupBars()).toBe(148);
    expect(featureWarmupBars(DEFAULT_FEATURE_CONFIG)).toBe(Math.max(...DEFAULT_FEATURES.map((f) => f.warmupBars)));
  });

  it('follows the configuration (normaliser window, windows in names)', () => {
    const config = resolveFeatureConfig({ normWindow: 20, rsiPeriod: 10, williamsRPeriod: 80 });
    // Williams %R(80) is defined from bar 79 (affine, no normaliser); SMA 50 + RMS(20): 49 + 19 = 68.
    expect(featureWarmupBars(config)).toBe(79);
    const names = featureCatalog(config).map((f) => f.name);
    expect(names).toContain('rsi_10');
    expect(names).toContain('williams_r_80');
  });
});

describe('resolveFeatureConfig', () => {
  it.each([
    [{ macdFastPeriod: 30 }, 'macdFastPeriod'],
    [{ smaFastPeriod: 60 }, 'smaFastPeriod'],
    [{ rsiPeriod: 2.5 }, 'rsiPeriod'],
    [{ normWindow: 1 }, 'normWindow'],
    [{ clip: 0 }, 'clip'],
    [{ returnHorizons: [1, 5] as unknown as [number, number, number] }, 'returnHorizons'],
  ])('rejects %j with E_BAD_CONFIG naming the field', (partial, field) => {
    let caught: unknown;
    try {
      resolveFeatureConfig(partial);
    } catch (e) {
      caught = e;
    }
    expect(isTradegymError(caught, 'E_BAD_CONFIG')).toBe(true);
    expect((caught as Error).message).toContain(field);
  });

  it('fills missing fields with the defaults', () => {
    expect(resolveFeatureConfig({ rsiPeriod: 7 })).toEqual({ ...DEFAULT_FEATURE_CONFIG, rsiPeriod: 7 });
  });
});
