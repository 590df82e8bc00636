import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './feature-config.js';
import { describeScaling, scalingWarmupBars, type FeatureScaling } from './feature-scaling.js';

/** Indicator family of a feature. */
export type FeatureFamily = 'trend' | 'momentum' | 'volatility' | 'volume' | 'return';

/** Stable identifier of a feature's computation (names change with the windows; keys do not). */
export type FeatureKey =
  | 'logReturnShort' | 'logReturnMid' | 'logReturnLong' | 'rsi' | 'macdLine' | 'macdSignal'
  | 'macdHistogram' | 'bollingerPercentB' | 'bollingerBandwidth' | 'atrRelative' | 'adx'
  | 'diSpread' | 'stochasticK' | 'stochasticD' | 'cci' | 'williamsR' | 'mfi' | 'obvSlope'
  | 'smaRatio' | 'realizedVol';

/** One column of the indicator state: what it is, how it is computed and scaled. */
export interface FeatureSpec {
  readonly key: FeatureKey;
  /** Column label (dashboard, checkpoint manifests), e.g. "rsi_14". */
  readonly name: string;
  readonly family: FeatureFamily;
  /** Raw formula, C/H/L/V = close/high/low/volume of bar t. */
  readonly formula: string;
  /** Nominal look-back period in bars. */
  readonly window: number;
  /** How the raw value is scaled (text of `transform`). */
  readonly scaling: string;
  readonly transform: FeatureScaling;
  /** Raw value used where the formula is 0/0 after warm-up (flat prices, zero volume). */
  readonly neutral: number;
  /** First bar index at which the raw value is defined. */
  readonly rawWarmupBars: number;
  /** First bar index at which the scaled value is defined (raw warm-up + normaliser window − 1). */
  readonly warmupBars: number;
}

type Entry = Omit<FeatureSpec, 'scaling' | 'warmupBars'>;

const OSCILLATOR: FeatureScaling = { kind: 'affine', center: 50, halfRange: 50 };
const RMS: FeatureScaling = { kind: 'rms' };
const ZSCORE: FeatureScaling = { kind: 'zscore' };

function logReturn(key: FeatureKey, h: number): Entry {
  return {
    key, name: `logret_${h}`, family: 'return', window: h, rawWarmupBars: h,
    transform: RMS, neutral: 0,
    formula: `ln(C[t] / C[t−${h}])`,
  };
}

/** One builder per column, in column order. */
const ENTRIES: ReadonlyArray<(c: FeatureConfig) => Entry> = [
  (c) => logReturn('logReturnShort', c.returnHorizons[0]),
  (c) => logReturn('logReturnMid', c.returnHorizons[1]),
  (c) => logReturn('logReturnLong', c.returnHorizons[2]),
  (c) => ({
    key: 'rsi', name: `rsi_${c.rsiPeriod}`, family: 'momentum', window: c.rsiPeriod, rawWarmupBars: c.rsiPeriod,
    transform: OSCILLATOR, neutral: 50,
    formula: `Wilder RSI(${c.rsiPeriod}) of C, 0–100 (rounded to 0.01 by technicalindicators; 100 when there are no losses)`,
  }),
  (c) => ({
    key: 'macdLine', name: `macd_line_${c.macdFastPeriod}_${c.macdSlowPeriod}`, family: 'trend',
    window: c.macdSlowPeriod, rawWarmupBars: c.macdSlowPeriod - 1,
    transform: RMS, neutral: 0,
    formula: `(EMA${c.macdFastPeriod}(C) − EMA${c.macdSlowPeriod}(C)) / C`,
  }),
  (c) => ({
    key: 'macdSignal', name: `macd_signal_${c.macdSignalPeriod}`, family: 'trend',
    window: c.macdSignalPeriod, rawWarmupBars: c.macdSlowPeriod + c.macdSignalPeriod - 2,
    transform: RMS, neutral: 0,
    formula: `EMA${c.macdSignalPeriod}(MACD line) / C`,
  }),
  (c) => ({
    key: 'macdHistogram', name: 'macd_hist', family: 'trend',
    window: c.macdSignalPeriod, rawWarmupBars: c.macdSlowPeriod + c.macdSignalPeriod - 2,
    transform: RMS, neutral: 0,
    formula: '(MACD line − signal) / C',
  }),
  (c) => ({
    key: 'bollingerPercentB', name: `bb_pctb_${c.bollingerPeriod}`, family: 'volatility',
    window: c.bollingerPeriod, rawWarmupBars: c.bollingerPeriod - 1,
    transform: { kind: 'affine', center: 0.5, halfRange: 0.5 }, neutral: 0.5,
    formula: `%B = (C − lower) / (upper − lower), bands SMA${c.bollingerPeriod}(C) ± ${c.bollingerStdDev}·σ (population)`,
  }),
  (c) => ({
    key: 'bollingerBandwidth', name: `bb_width_${c.bollingerPeriod}`, family: 'volatility',
    window: c.bollingerPeriod, rawWarmupBars: c.bollingerPeriod - 1,
    transform: ZSCORE, neutral: 0,
    formula: '(upper − lower) / middle band',
  }),
  (c) => ({
    key: 'atrRelative', name: `atr_${c.atrPeriod}_rel`, family: 'volatility',
    window: c.atrPeriod, rawWarmupBars: c.atrPeriod,
    transform: ZSCORE, neutral: 0,
    formula: `ATR(${c.atrPeriod}) / C, Wilder-smoothed true range`,
  }),
  (c) => ({
    key: 'adx', name: `adx_${c.adxPeriod}`, family: 'trend', window: c.adxPeriod, rawWarmupBars: 2 * c.adxPeriod - 1,
    transform: { kind: 'affine', center: 25, halfRange: 25 }, neutral: 0,
    formula: `Wilder ADX(${c.adxPeriod}), 0–100 (DX = 0 when +DI + −DI = 0)`,
  }),
  (c) => ({
    key: 'diSpread', name: `di_spread_${c.adxPeriod}`, family: 'trend',
    window: c.adxPeriod, rawWarmupBars: c.adxPeriod,
    transform: { kind: 'affine', center: 0, halfRange: 25 }, neutral: 0,
    formula: `+DI(${c.adxPeriod}) − −DI(${c.adxPeriod}), −100…100`,
  }),
  (c) => ({
    key: 'stochasticK', name: `stoch_k_${c.stochasticPeriod}`, family: 'momentum',
    window: c.stochasticPeriod, rawWarmupBars: c.stochasticPeriod - 1,
    transform: OSCILLATOR, neutral: 50,
    formula:
      `100·(C − min L) / (max H − min L) over ${c.stochasticPeriod} bars ` +
      "(0 for a flat range, technicalindicators' convention)",
  }),
  (c) => ({
    key: 'stochasticD', name: `stoch_d_${c.stochasticSignalPeriod}`, family: 'momentum',
    window: c.stochasticSignalPeriod, rawWarmupBars: c.stochasticPeriod + c.stochasticSignalPeriod - 2,
    transform: OSCILLATOR, neutral: 50,
    formula: `SMA${c.stochasticSignalPeriod}(%K)`,
  }),
  (c) => ({
    key: 'cci', name: `cci_${c.cciPeriod}`, family: 'momentum', window: c.cciPeriod, rawWarmupBars: c.cciPeriod - 1,
    transform: { kind: 'affine', center: 0, halfRange: 100 }, neutral: 0,
    formula: `(TP − SMA${c.cciPeriod}(TP)) / (0.015 · mean |TP − SMA|), TP = (H + L + C) / 3`,
  }),
  (c) => ({
    key: 'williamsR', name: `williams_r_${c.williamsRPeriod}`, family: 'momentum',
    window: c.williamsRPeriod, rawWarmupBars: c.williamsRPeriod - 1,
    transform: { kind: 'affine', center: -50, halfRange: 50 }, neutral: -50,
    formula: `−100·(max H − C) / (max H − min L) over ${c.williamsRPeriod} bars, −100…0`,
  }),
  (c) => ({
    key: 'mfi', name: `mfi_${c.mfiPeriod}`, family: 'volume', window: c.mfiPeriod, rawWarmupBars: c.mfiPeriod + 1,
    transform: OSCILLATOR, neutral: 50,
    formula: `Money flow index(${c.mfiPeriod}) of TP·V, 0–100 (technicalindicators: rounded to 0.01, first money flow at bar 2)`,
  }),
  (c) => ({
    key: 'obvSlope', name: `obv_slope_${c.obvSlopeWindow}`, family: 'volume',
    window: c.obvSlopeWindow, rawWarmupBars: c.obvSlopeWindow + 1,
    transform: { kind: 'affine', center: 0, halfRange: 1 }, neutral: 0,
    formula: `(OBV[t] − OBV[t−${c.obvSlopeWindow}]) / ΣV over the last ${c.obvSlopeWindow} bars, −1…1`,
  }),
  (c) => ({
    key: 'smaRatio', name: `sma_${c.smaFastPeriod}_${c.smaSlowPeriod}_ratio`, family: 'trend',
    window: c.smaSlowPeriod, rawWarmupBars: c.smaSlowPeriod - 1,
    transform: RMS, neutral: 0,
    formula: `SMA${c.smaFastPeriod}(C) / SMA${c.smaSlowPeriod}(C) − 1`,
  }),
  (c) => ({
    key: 'realizedVol', name: `rvol_${c.realizedVolWindow}`, family: 'volatility',
    window: c.realizedVolWindow, rawWarmupBars: c.realizedVolWindow,
    transform: ZSCORE, neutral: 0,
    formula: `√(mean of ln(C[i]/C[i−1])² over the last ${c.realizedVolWindow} bars)`,
  }),
];

/**
 * The 20 features of a configuration, in column order. Names embed the windows, so a model
 * trained on one configuration cannot silently be fed another's columns.
 */
export function featureCatalog(config: FeatureConfig): readonly FeatureSpec[] {
  return Object.freeze(
    ENTRIES.map((build) => build(config)).map((e) =>
      Object.freeze({
        ...e,
        scaling: describeScaling(e.transform, config.normWindow, config.clip),
        warmupBars: e.rawWarmupBars + scalingWarmupBars(e.transform, config.normWindow),
      }),
    ),
  );
}

/** The default 20-dim indicator state (the dashboard labels its columns with these names). */
export const DEFAULT_FEATURES: readonly FeatureSpec[] = featureCatalog(DEFAULT_FEATURE_CONFIG);

/** Column names of the default state, in order. */
export const DEFAULT_FEATURE_NAMES: readonly string[] = Object.freeze(DEFAULT_FEATURES.map((f) => f.name));

/**
 * Warm-up length in bars: the first bar index at which every feature, including its rolling
 * normaliser, is defined (= `firstValidIndex` of a computed matrix). A series needs at least
 * `featureWarmupBars(config) + 1` bars. 148 for {@link DEFAULT_FEATURE_CONFIG}.
 */
export function featureWarmupBars(config: FeatureConfig = DEFAULT_FEATURE_CONFIG): number {
  return Math.max(...featureCatalog(config).map((f) => f.warmupBars));
}
