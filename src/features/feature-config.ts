import { TradegymError } from '../core/errors.js';

/**
 * Windows (in bars) and scaling parameters of the 20-feature indicator state.
 * Defaults are the textbook periods (Wilder 1978 for RSI/ATR/ADX, Appel for MACD 12/26/9,
 * Bollinger 20/2, Lane's stochastic 14/3, Lambert's CCI 20).
 */
export interface FeatureConfig {
  /** Log-return horizons in bars (three features). */
  readonly returnHorizons: readonly [number, number, number];
  readonly rsiPeriod: number;
  readonly macdFastPeriod: number;
  readonly macdSlowPeriod: number;
  readonly macdSignalPeriod: number;
  readonly bollingerPeriod: number;
  /** Band half-width in standard deviations. */
  readonly bollingerStdDev: number;
  readonly atrPeriod: number;
  readonly adxPeriod: number;
  readonly stochasticPeriod: number;
  readonly stochasticSignalPeriod: number;
  readonly cciPeriod: number;
  /** Longer than the stochastic's period on purpose: %R(14) would be exactly %K(14) − 100. */
  readonly williamsRPeriod: number;
  readonly mfiPeriod: number;
  /** Window of the on-balance-volume slope (OBV change over this many bars / their volume). */
  readonly obvSlopeWindow: number;
  readonly smaFastPeriod: number;
  readonly smaSlowPeriod: number;
  readonly realizedVolWindow: number;
  /** Trailing window (bars, including the current one) of the causal RMS / z-score normalisers. */
  readonly normWindow: number;
  /** Every scaled feature is clipped to [−clip, clip]. */
  readonly clip: number;
}

/** The default feature configuration (warm-up 148 bars; see `featureWarmupBars`). */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = Object.freeze({
  returnHorizons: Object.freeze([1, 5, 20]) as readonly [number, number, number],
  rsiPeriod: 14,
  macdFastPeriod: 12,
  macdSlowPeriod: 26,
  macdSignalPeriod: 9,
  bollingerPeriod: 20,
  bollingerStdDev: 2,
  atrPeriod: 14,
  adxPeriod: 14,
  stochasticPeriod: 14,
  stochasticSignalPeriod: 3,
  cciPeriod: 20,
  williamsRPeriod: 50,
  mfiPeriod: 14,
  obvSlopeWindow: 20,
  smaFastPeriod: 10,
  smaSlowPeriod: 50,
  realizedVolWindow: 20,
  normWindow: 100,
  clip: 5,
});

const MAX_WINDOW = 100_000;

/**
 * Fills a partial configuration with {@link DEFAULT_FEATURE_CONFIG} and validates it.
 * @throws TradegymError `E_BAD_CONFIG` naming the field: windows must be integers in [1, 100000]
 *   (MFI, Williams %R and the normaliser ≥ 2), `macdFastPeriod < macdSlowPeriod`,
 *   `smaFastPeriod < smaSlowPeriod`, `bollingerStdDev` and `clip` positive and finite.
 */
export function resolveFeatureConfig(partial: Partial<FeatureConfig> = {}): FeatureConfig {
  const config: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, ...partial };
  if (!Array.isArray(config.returnHorizons) || config.returnHorizons.length !== 3) {
    fail('returnHorizons', config.returnHorizons, 'exactly three horizons, e.g. [1, 5, 20]');
  }
  config.returnHorizons.forEach((h, i) => checkWindow(`returnHorizons[${i}]`, h, 1));
  const windows: Array<[keyof FeatureConfig, number]> = [
    ['rsiPeriod', 1], ['macdFastPeriod', 1], ['macdSlowPeriod', 1], ['macdSignalPeriod', 1],
    ['bollingerPeriod', 1], ['atrPeriod', 1], ['adxPeriod', 1], ['stochasticPeriod', 1],
    ['stochasticSignalPeriod', 1], ['cciPeriod', 1], ['williamsRPeriod', 2], ['mfiPeriod', 2],
    ['obvSlopeWindow', 1], ['smaFastPeriod', 1], ['smaSlowPeriod', 1], ['realizedVolWindow', 1],
    ['normWindow', 2],
  ];
  for (const [field, min] of windows) checkWindow(field, config[field], min);
  if (config.macdFastPeriod >= config.macdSlowPeriod) {
    fail('macdFastPeriod', config.macdFastPeriod, `a period below macdSlowPeriod (${config.macdSlowPeriod})`);
  }
  if (config.smaFastPeriod >= config.smaSlowPeriod) {
    fail('smaFastPeriod', config.smaFastPeriod, `a period below smaSlowPeriod (${config.smaSlowPeriod})`);
  }
  checkPositive('bollingerStdDev', config.bollingerStdDev);
  checkPositive('clip', config.clip);
  return config;
}

function checkWindow(field: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_WINDOW) {
    fail(field, value, `an integer number of bars in [${min}, ${MAX_WINDOW}]`);
  }
}

function checkPositive(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(field, value, 'a positive finite number');
  }
}

function fail(field: string, value: unknown, expected: string): never {
  throw new TradegymError(
    'E_BAD_CONFIG',
    `Feature config field ${field} is ${JSON.stringify(value)}; expected ${expected}.`,
    { column: field, value: String(value) },
  );
}
