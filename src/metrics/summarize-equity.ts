import { TradegymError } from '../core/errors.js';
import { annualVolatility } from './annual-volatility.js';
import { cagr } from './cagr.js';
import { calmarFromParts } from './calmar-ratio.js';
import { downsideDeviation } from './downside-deviation.js';
import { type Exposure, exposure } from './exposure.js';
import { hitRate } from './hit-rate.js';
import { type MaxDrawdown, maxDrawdown } from './max-drawdown.js';
import { DEFAULT_PERIODS_PER_YEAR, inferPeriodsPerYear } from './periods-per-year.js';
import { returnsFromEquity } from './returns-from-equity.js';
import { sharpeRatio } from './sharpe-ratio.js';
import { sortinoRatio } from './sortino-ratio.js';
import { totalReturn } from './total-return.js';
import { tradeCount } from './trade-count.js';
import { type Turnover, turnover } from './turnover.js';

/** Options of `summarizeEquity`. */
export interface SummarizeEquityOptions {
  /** Bar times (epoch ms), one per equity point; used to infer P when `periodsPerYear` is absent. */
  timestamps?: ArrayLike<number>;
  /** P, periods per year; overrides inference. */
  periodsPerYear?: number;
  /** Position held over each period: positions[t] applies from equity[t] to equity[t + 1] (length n − 1). */
  positions?: ArrayLike<number>;
  /** Risk-free rate per period for the Sharpe ratio (default 0). */
  riskFreePerPeriod?: number;
  /** Position before the first period, for turnover and trade count (default 0). */
  initialPosition?: number;
}

/** Every metric of an equity curve; `undefined` marks a metric the data cannot define. */
export interface EquitySummary {
  /** Number of returns, n = equity.length − 1. */
  periods: number;
  periodsPerYear: number;
  /** Where P came from: the option, inference from timestamps, or the default 252. */
  periodsPerYearSource: 'given' | 'inferred' | 'default';
  totalReturn: number | undefined;
  cagr: number | undefined;
  annualVolatility: number | undefined;
  sharpe: number | undefined;
  sortino: number | undefined;
  /** Per-period downside deviation below 0, over all periods. */
  downsideDeviation: number | undefined;
  maxDrawdown: MaxDrawdown | undefined;
  calmar: number | undefined;
  /** Share of winning periods among non-flat periods. */
  hitRate: number | undefined;
  /** Present when positions were given. */
  turnover?: Turnover | undefined;
  exposure?: Exposure | undefined;
  tradeCount?: number;
}

/**
 * Summarises an equity curve with the DESIGN.md conventions: simple returns
 * r_t = equity[t + 1]/equity[t] − 1 feed `totalReturn`, `cagr`, `annualVolatility`,
 * `sharpeRatio`, `sortinoRatio`, `downsideDeviation`, `calmarRatio` and `hitRate`; drawdown is
 * measured on the curve itself (indices are equity bars). P = `periodsPerYear`, else inferred
 * from `timestamps` (`inferPeriodsPerYear`), else 252.
 * @throws TradegymError `E_BAD_ARGUMENT` for bad equity, mismatched lengths or a bad P.
 */
export function summarizeEquity(equity: ArrayLike<number>, options: SummarizeEquityOptions = {}): EquitySummary {
  const returns = returnsFromEquity(equity);
  const { periodsPerYear, source } = resolvePeriodsPerYear(equity.length, options);
  const growth = cagr(returns, periodsPerYear);
  const drawdown = maxDrawdown(equity);
  const summary: EquitySummary = {
    periods: returns.length,
    periodsPerYear,
    periodsPerYearSource: source,
    totalReturn: totalReturn(returns),
    cagr: growth,
    annualVolatility: annualVolatility(returns, periodsPerYear),
    sharpe: sharpeRatio(returns, { periodsPerYear, riskFreePerPeriod: options.riskFreePerPeriod ?? 0 }),
    sortino: sortinoRatio(returns, { periodsPerYear }),
    downsideDeviation: downsideDeviation(returns),
    maxDrawdown: drawdown,
    calmar: calmarFromParts(growth, drawdown),
    hitRate: hitRate(returns),
  };
  const positions = options.positions;
  if (positions !== undefined) {
    if (positions.length !== returns.length) {
      throw new TradegymError(
        'E_BAD_ARGUMENT',
        `positions has ${positions.length} entries but equity has ${equity.length} points; pass one position per period (${returns.length}).`,
      );
    }
    const initialPosition = options.initialPosition ?? 0;
    summary.turnover = turnover(positions, { periodsPerYear, initialPosition });
    summary.exposure = exposure(positions);
    summary.tradeCount = tradeCount(positions, initialPosition);
  }
  return summary;
}

function resolvePeriodsPerYear(
  points: number,
  options: SummarizeEquityOptions,
): { periodsPerYear: number; source: EquitySummary['periodsPerYearSource'] } {
  if (options.periodsPerYear !== undefined) {
    if (!(options.periodsPerYear > 0) || !Number.isFinite(options.periodsPerYear)) {
      throw new TradegymError('E_BAD_ARGUMENT', `periodsPerYear is ${options.periodsPerYear}; expected a positive number such as 252.`);
    }
    return { periodsPerYear: options.periodsPerYear, source: 'given' };
  }
  if (options.timestamps !== undefined) {
    if (options.timestamps.length !== points) {
      throw new TradegymError(
        'E_BAD_ARGUMENT',
        `timestamps has ${options.timestamps.length} entries but equity has ${points}; pass one timestamp per equity point.`,
      );
    }
    const inferred = inferPeriodsPerYear(options.timestamps);
    if (inferred !== undefined) return { periodsPerYear: inferred, source: 'inferred' };
  }
  return { periodsPerYear: DEFAULT_PERIODS_PER_YEAR, source: 'default' };
}
