import { TradegymError } from '../core/errors.js';
import type { TelemetryListener } from '../core/telemetry.js';
import { type BarSeries, barCount } from '../data/bar-series.js';
import type { FeatureMatrix } from '../features/feature-matrix.js';
import { DEFAULT_ACTION_LEVELS, validateActionLevels } from '../market/action-levels.js';
import type { CostModelOptions } from '../market/cost-model.js';
import type { SizingMode } from '../market/sizing.js';
import { DEFAULT_PERIODS_PER_YEAR, inferPeriodsPerYear } from '../metrics/periods-per-year.js';
import type { Strategy } from './strategy.js';

/** Bars from the range start that P is inferred from (median spacing is settled long before; keeps 1M-bar runs fast). */
const INFER_SAMPLE_BARS = 20_000;

/** Bar range of a backtest: indices into the series, `start` inclusive, `end` exclusive. */
export interface BarRange {
  readonly start: number;
  readonly end: number;
}

/** Inputs of `runBacktest` / `BacktestSession`. */
export interface BacktestOptions {
  readonly bars: BarSeries;
  /** Required when `strategy.needsFeatures`; one row per bar of `bars`. */
  readonly features?: FeatureMatrix;
  readonly strategy: Strategy;
  /** Target exposures of the action indices (default `[-1, -0.5, 0, 0.5, 1]`). */
  readonly actionLevels?: readonly number[];
  /** Commission, slippage, borrow (bps); defaults of `createCostModel`. */
  readonly costs?: CostModelOptions;
  /** Default `fractional`. */
  readonly sizing?: SizingMode;
  /** Account currency, default 100000. */
  readonly initialCash?: number;
  /** Default: the whole series, or from the features' first valid row when the strategy needs them. */
  readonly range?: BarRange;
  /** Seeds the strategy's RNG (`createRng(seed).fork('strategy')`); default 0. */
  readonly seed?: number;
  /** P for metrics and annual borrow rates; default inferred from the range's first 20,000 timestamps, else 252. */
  readonly periodsPerYear?: number;
  /** Receives `bar`, `trade` and `metrics` telemetry events. */
  readonly onEvent?: TelemetryListener;
  /** Run id put on telemetry events (default "backtest"). */
  readonly runId?: string;
  /** Bars between `metrics` events (default 50; one is always sent at the end). */
  readonly metricsEveryBars?: number;
}

/** Options after validation, with defaults resolved. */
export interface ResolvedBacktestOptions {
  readonly levels: Float64Array;
  readonly start: number;
  readonly end: number;
  readonly initialCash: number;
  readonly periodsPerYear: number;
  /** Where P came from (as in `EquitySummary`). */
  readonly periodsPerYearSource: 'given' | 'inferred' | 'default';
}

/**
 * Checks the parts of the options the engine owns (range, features, levels) and resolves
 * defaults. Costs, sizing and cash are validated by the `Portfolio`.
 * @throws TradegymError `E_BAD_CONFIG` saying what is wrong and how to fix it.
 */
export function resolveBacktestOptions(options: BacktestOptions): ResolvedBacktestOptions {
  const n = barCount(options.bars);
  const { strategy, features } = options;
  if (features !== undefined && features.rows !== n) {
    throw bad(`the feature matrix has ${features.rows} rows but the series has ${n} bars; compute features from the same bars`);
  }
  if (strategy.needsFeatures && features === undefined) {
    throw bad(`strategy ${strategy.name} reads features; pass the FeatureMatrix of these bars`);
  }
  const firstAllowed = strategy.needsFeatures ? features!.firstValidIndex : 0;
  const start = options.range?.start ?? firstAllowed;
  const end = options.range?.end ?? n;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= n && end - start >= 2)) {
    throw bad(`range [${start}, ${end}) is not a range of at least 2 bars inside [0, ${n})`);
  }
  if (start < firstAllowed) {
    throw bad(`range starts at bar ${start}, inside the features' warm-up; start at bar ${firstAllowed} or later`);
  }
  const inferred = options.periodsPerYear === undefined ? inferPeriodsPerYear(options.bars.timestamps.subarray(start, Math.min(end, start + INFER_SAMPLE_BARS))) : undefined;
  return {
    levels: validateActionLevels(options.actionLevels ?? DEFAULT_ACTION_LEVELS),
    start,
    end,
    initialCash: options.initialCash ?? 100_000,
    periodsPerYear: options.periodsPerYear ?? inferred ?? DEFAULT_PERIODS_PER_YEAR,
    periodsPerYearSource: options.periodsPerYear !== undefined ? 'given' : inferred !== undefined ? 'inferred' : 'default',
  };
}

function bad(message: string): TradegymError {
  return new TradegymError('E_BAD_CONFIG', `backtest: ${message}.`);
}
